/* cefo.h - public C API of libcefo, the circular-economy flow optimiser. */
#ifndef CEFO_CEFO_H
#define CEFO_CEFO_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(CEFO_BUILDING) && defined(__GNUC__)
#define CEFO_API __attribute__((visibility("default")))
#else
#define CEFO_API
#endif

/*
 * Lifecycle: load -> build -> solve -> read -> free.
 *
 *   cefo_network *net;  cefo_problem *prob;  cefo_result *res;  cefo_error err;
 *   cefo_network_load_file(&net, "cluster.xml", &err);
 *   cefo_problem_build(&prob, net, &err);
 *   cefo_problem_solve(prob, NULL, &res, &err);
 *   ... cefo_result_status(res), cefo_result_process(res, i, &row) ...
 *   cefo_result_free(res); cefo_problem_free(prob); cefo_network_free(net);
 *
 * Every function returning cefo_status returns CEFO_OK (0) on success and writes its outputs
 * through the leading `out` pointers only then. An infeasible or unbounded model is not an
 * error: the solve succeeds and the result carries that solve status.
 *
 * Ownership: every handle is owned by the caller and freed by its own cefo_*_free, which
 * accepts NULL. A problem borrows its network, and a result borrows its problem's network:
 * the network must outlive both. Strings returned by accessors belong to the handle they came
 * from and stay valid until it is freed. The library never prints, exits or aborts; handles
 * may be used and freed from any thread, one call on a handle at a time (a problem built on
 * one thread may be solved on another and freed on a third). GLPK runs on threads of cefo's
 * own: a host that uses GLPK itself keeps its environment, its problems and its hooks.
 *
 * ABI (docs/c-api.md): functions keep their signatures within the soname. The structs the
 * library fills may gain fields at their end: their accessors are macros that pass the
 * caller's `sizeof *(row)` to a `_sized` function, which fills what fits and zeroes the rest,
 * so programs built against an older or a newer header keep working. Pass typed pointers.
 */

/* Status codes. Zero is success. */
typedef enum cefo_status {
    CEFO_OK = 0,
    CEFO_ERR_NOMEM = 1,     /* an allocation failed */
    CEFO_ERR_ARG = 2,       /* a bad argument to an API call (NULL handle, index out of range) */
    CEFO_ERR_NOFILE = 3,    /* the input file does not exist */
    CEFO_ERR_IO = 4,        /* the input file could not be read or the output written */
    CEFO_ERR_PARSE = 5,     /* the input is not well-formed XML */
    CEFO_ERR_INVALID = 6,   /* the input is well-formed but violates the format or model rules */
    CEFO_ERR_SOLVER = 7,    /* the LP back-end failed (numerical trouble, internal error) */
    CEFO_ERR_UNSUPPORTED = 8, /* the request is valid but this build cannot do it */
    CEFO_ERR_CREATE = 9,    /* the output file could not be created */
    CEFO_ERR_UNAVAILABLE = 10 /* an external solver program (cbc, clp) is not installed */
} cefo_status;

/* Human-readable name of a status code (a static string, never NULL). */
CEFO_API const char *cefo_strerror(cefo_status code);

/*
 * Error detail, filled by any call that takes one (pass NULL to ignore it). `file`, `line`
 * and `column` locate the offending input when there is one (line and column 0 otherwise);
 * `element` names the XML element or model item involved, when known. Fixed-size buffers:
 * nothing to free. On success the struct is left untouched.
 */
typedef struct cefo_error {
    cefo_status code;
    int line;
    int column;
    char file[512];
    char element[128];
    char message[512];
} cefo_error;

/* Library version as "MAJOR.MINOR.PATCH" (static string). */
CEFO_API const char *cefo_version(void);

/* ---------------------------------------------------------------- network */

typedef struct cefo_network cefo_network;

/*
 * Loads a cluster network (`<network version="1">`) from a file.
 * Returns CEFO_OK, CEFO_ERR_NOFILE, CEFO_ERR_IO, CEFO_ERR_PARSE, CEFO_ERR_INVALID,
 * CEFO_ERR_NOMEM or CEFO_ERR_ARG. On success *out is a new network owned by the caller.
 */
CEFO_API cefo_status cefo_network_load_file(cefo_network **out, const char *path, cefo_error *err);

/*
 * Loads a network from `len` bytes at `data`; `name` is used as the file name in errors
 * (may be NULL). Same statuses and ownership as cefo_network_load_file.
 */
CEFO_API cefo_status cefo_network_load_memory(cefo_network **out, const char *data, size_t len,
                                              const char *name, cefo_error *err);

/* Frees a network and everything it owns. Accepts NULL. */
CEFO_API void cefo_network_free(cefo_network *net);

/* The kinds of item a network and a result are made of. */
typedef enum cefo_item {
    CEFO_MATERIAL = 0,
    CEFO_POLLUTANT = 1,
    CEFO_PROCESS = 2,
    CEFO_LINK = 3,
    CEFO_GROUP = 4, /* groups of mutually exclusive process variants */
    CEFO_RESOURCE = 5 /* shared limits: quotas, land, funds, jobs (<resource>) */
} cefo_item;

/* Number of items of one kind (0 for a NULL network or an unknown kind). */
CEFO_API size_t cefo_network_count(const cefo_network *net, cefo_item kind);

/* The id of item i of `kind`, owned by the network; NULL for a link, a NULL network or an i
 * out of range. */
CEFO_API const char *cefo_network_id(const cefo_network *net, cefo_item kind, size_t i);

/*
 * Index of the item of `kind` whose id is `id` (links have no id: CEFO_ERR_ARG).
 * Returns CEFO_OK, CEFO_ERR_ARG, or CEFO_ERR_INVALID when no such item exists.
 */
CEFO_API cefo_status cefo_network_find(const cefo_network *net, cefo_item kind, const char *id,
                                       size_t *index);

/*
 * The network as written, for programs that draw or tabulate it (the writers of cefo read it
 * this way). Strings are owned by the network; labels are NULL when not given; absent costs
 * are NAN ("not allowed"), absent capacities INFINITY, an absent distance NAN.
 */
/* The network's `name` and `currency` attributes; NULL when not given (or net is NULL). */
CEFO_API const char *cefo_network_name(const cefo_network *net);
CEFO_API const char *cefo_network_currency(const cefo_network *net);
/* The file it was read from, or the name given to cefo_network_load_memory; NULL for NULL. */
CEFO_API const char *cefo_network_file(const cefo_network *net);

typedef struct cefo_process_info {
    const char *id;
    const char *kind;       /* "production", "treatment", "recycling", "disposal" */
    const char *name;       /* labels carried into results */
    const char *sector;
    const char *zone;
    const char *group;      /* NULL unless a group member */
    const char *variant;
    double capacity;
    double min;
    double cost;            /* per unit of activity */
    double labour;          /* per unit of activity */
    double fixed_cost;
    int optional;           /* 1: a build/keep decision (optional, or a group member) */
} cefo_process_info;

typedef struct cefo_link_info {
    size_t from;            /* process indices */
    size_t to;
    size_t material;        /* material index */
    double cost;            /* per unit carried */
    double capacity;
    double distance;        /* a label carried into results; NAN when not given */
    double fixed_cost;
    int optional;
} cefo_link_info;

typedef struct cefo_material_info {
    const char *id;
    const char *unit;
    const char *kind;       /* "product", "waste", "resource" */
    double import_cost;     /* NAN: may not be imported */
    double import_limit;
    double export_price;    /* NAN: may not be exported */
    double discharge_cost;  /* NAN: may not be discharged */
    double demand;          /* the sum of its <demand> elements */
    int linked;             /* 1: carried by links only (its flows are the links') */
} cefo_material_info;

/* The coefficients of a process (per unit of activity) or of a material (its emissions per
 * unit discharged: CEFO_EMISSION only). */
typedef enum cefo_role { CEFO_INPUT = 0, CEFO_OUTPUT = 1, CEFO_EMISSION = 2 } cefo_role;

typedef struct cefo_term_info {
    size_t item;            /* the material (inputs, outputs) or pollutant (emissions) index */
    const char *id;         /* its id */
    double amount;
} cefo_term_info;

/* Each returns CEFO_OK or CEFO_ERR_ARG (NULL argument, index out of range). */
CEFO_API cefo_status cefo_network_process_sized(const cefo_network *net, size_t i,
                                                cefo_process_info *row, size_t size);
#define cefo_network_process(net, i, row) \
    cefo_network_process_sized((net), (i), (row), sizeof *(row))
CEFO_API cefo_status cefo_network_link_sized(const cefo_network *net, size_t i,
                                             cefo_link_info *row, size_t size);
#define cefo_network_link(net, i, row) cefo_network_link_sized((net), (i), (row), sizeof *(row))
CEFO_API cefo_status cefo_network_material_sized(const cefo_network *net, size_t i,
                                                 cefo_material_info *row, size_t size);
#define cefo_network_material(net, i, row) \
    cefo_network_material_sized((net), (i), (row), sizeof *(row))
/* The processes that make or use material m (each once, in process order): *n of them, owned
 * by the network; NULL with *n = 0 when m is out of range. */
CEFO_API const size_t *cefo_network_material_users(const cefo_network *net, size_t m, size_t *n);
/* Number of terms of `role` of process or material i (kind CEFO_PROCESS or CEFO_MATERIAL);
 * 0 when out of range. */
CEFO_API size_t cefo_network_term_count(const cefo_network *net, cefo_item kind, size_t i,
                                        cefo_role role);
CEFO_API cefo_status cefo_network_term_sized(const cefo_network *net, cefo_item kind, size_t i,
                                             cefo_role role, size_t k, cefo_term_info *row,
                                             size_t size);
#define cefo_network_term(net, kind, i, role, k, row) \
    cefo_network_term_sized((net), (kind), (i), (role), (k), (row), sizeof *(row))

/*
 * Warnings found while loading: what cefo accepts but a user may not mean (a consumer of a
 * linked material that no link supplies, which can then only import it). Each is a
 * cefo_error (code CEFO_OK) with file, line, element and message; the library never prints
 * them. The pointer is owned by the network and valid until it is freed; NULL when i is out
 * of range. 0 warnings for NULL.
 */
CEFO_API size_t cefo_network_warning_count(const cefo_network *net);
CEFO_API const cefo_error *cefo_network_warning(const cefo_network *net, size_t i);

/* ---------------------------------------------------------------- options */

typedef enum cefo_lp_method {
    CEFO_METHOD_AUTO = 0,   /* primal simplex cold, dual simplex after bound changes */
    CEFO_METHOD_PRIMAL = 1,
    CEFO_METHOD_DUAL = 2
} cefo_lp_method;

/*
 * The engine that solves. GLPK runs in-process. COIN-OR CBC (LPs and MIPs) and CLP (LPs only)
 * are EPL-1.0, incompatible with the GPL: cefo never links them but runs Debian's `cbc` and
 * `clp` programs as child processes (no shell), exchanging the model as full-precision MPS in
 * a private temporary folder. A missing program makes a solve return CEFO_ERR_UNAVAILABLE.
 */
typedef enum cefo_solver {
    CEFO_SOLVER_GLPK = 0,
    CEFO_SOLVER_CBC = 1,
    CEFO_SOLVER_CLP = 2
} cefo_solver;

/* Where a solve after an update starts (cefo_options.warm). */
typedef enum cefo_warm {
    CEFO_WARM_LAST = 0,     /* from the basis the last solve ended with (default): fastest */
    CEFO_WARM_FIRST = 1     /* from the basis the problem's first solve (with this option)
                               ended with: a solve's result does not depend on the solves
                               made in between (sweeps split into shards agree digit for
                               digit). Engines run as programs (CBC, CLP) always start
                               afresh. */
} cefo_warm;

/*
 * Solver options: a transparent struct; always initialise it with cefo_options_init so that
 * fields added later get their defaults.
 */
typedef struct cefo_options {
    cefo_lp_method method;
    int presolve;           /* 1: presolve on a cold solve (default 1) */
    double time_limit;      /* seconds for the whole solve (every MIP phase), <= 0 for none (0) */
    int iteration_limit;    /* simplex iterations, whole solve, <= 0 for none (default 0) */
    double mip_gap;         /* MIP: stop when (incumbent - bound) / |incumbent| <= mip_gap
                               (default 1e-4; 0 proves optimality) */
    int diagnose;           /* 1: an infeasible result says what must move (default 1) */
    cefo_solver solver;     /* the engine (default CEFO_SOLVER_GLPK; docs/engines.md) */
    const char *solver_log; /* CBC/CLP: keep the engine's output in this file (default NULL:
                               discarded); the caller owns the string */
    cefo_warm warm;         /* where a re-solve starts (default CEFO_WARM_LAST) */
    int reserved[13];       /* room to grow; set to zero by cefo_options_init */
} cefo_options;

CEFO_API void cefo_options_init(cefo_options *opt);

/*
 * Ends every CBC/CLP child process cefo is running and removes their temporary folders.
 * Async-signal-safe: meant for a host's SIGINT/SIGTERM handler (the cefo tool calls it) before
 * the process exits; a solve running meanwhile returns an error. Safe to call at any time.
 */
CEFO_API void cefo_engines_abort(void);

/* ---------------------------------------------------------------- problem */

typedef struct cefo_problem cefo_problem;

/*
 * Formulates the linear programme of a network (spec section 1 balances) and loads it into
 * the LP back-end. The problem borrows `net`, which must outlive it.
 * Optional processes and links and group members become 0/1 decisions (a MIP). Returns
 * CEFO_OK, CEFO_ERR_ARG, CEFO_ERR_INVALID, CEFO_ERR_SOLVER or CEFO_ERR_NOMEM.
 */
CEFO_API cefo_status cefo_problem_build(cefo_problem **out, const cefo_network *net,
                                        cefo_error *err);

/* Frees a problem. Accepts NULL. Results already taken from it stay valid. */
CEFO_API void cefo_problem_free(cefo_problem *prob);

typedef struct cefo_result cefo_result;

/*
 * Solves the problem (opt may be NULL for defaults). A later call after an update starts from
 * the last basis. On CEFO_OK, *out is a new result owned by the caller; its solve status says
 * whether it is optimal. Returns CEFO_OK, CEFO_ERR_ARG, CEFO_ERR_SOLVER or CEFO_ERR_NOMEM.
 */
CEFO_API cefo_status cefo_problem_solve(cefo_problem *prob, const cefo_options *opt,
                                        cefo_result **out, cefo_error *err);

/*
 * The largest magnitude of a number in a model: the loaders refuse larger ones (as they
 * refuse non-finite ones), and so do the setters below. Up to 1e15 a double holds every whole
 * number exactly and no sum or product of two model numbers overflows.
 */
#define CEFO_MAX_VALUE 1e15

/*
 * Sets one attribute of one item in place, for a re-solve from the last basis. Supported:
 * CEFO_PROCESS "capacity"; CEFO_POLLUTANT "damage-cost" and "cap"; CEFO_MATERIAL "demand"
 * (the material's total demand); CEFO_RESOURCE "min", "max" and "price" (finite; a bound
 * that would cross the other is CEFO_ERR_ARG). Values must be numbers in [0, CEFO_MAX_VALUE]; a capacity
 * (other than a build/keep decision's) and a cap may also be INFINITY for "none". Returns
 * CEFO_OK; CEFO_ERR_ARG for a bad index or value, with the item's id in err->element, its
 * file and line, and why; CEFO_ERR_UNSUPPORTED for any other attribute (rebuild the problem
 * from an edited network); CEFO_ERR_SOLVER. On an error the problem is left as it was.
 * With <periods>, the value is the network's own: it applies to the periods before that
 * attribute's first <at> (later periods keep their steps); a material's demand that steps by
 * period is CEFO_ERR_UNSUPPORTED (rebuild).
 */
CEFO_API cefo_status cefo_problem_update(cefo_problem *prob, cefo_item kind, size_t index,
                                         const char *attribute, double value, cefo_error *err);

/*
 * The same without the error detail (kept for programs built against earlier headers):
 * cefo_problem_set(prob, kind, index, attribute, value) is cefo_problem_update(..., NULL), and
 * the four below set "capacity", "demand", "damage-cost" and "cap".
 */
CEFO_API cefo_status cefo_problem_set_capacity(cefo_problem *prob, size_t process, double cap);
CEFO_API cefo_status cefo_problem_set_demand(cefo_problem *prob, size_t material, double amount);
CEFO_API cefo_status cefo_problem_set_damage_cost(cefo_problem *prob, size_t pollutant,
                                                  double cost);
CEFO_API cefo_status cefo_problem_set_cap(cefo_problem *prob, size_t pollutant, double cap);

/*
 * A resource's bounds and price in place: min <= max (-INFINITY / INFINITY for none), price
 * finite. Returns CEFO_OK, CEFO_ERR_ARG or CEFO_ERR_SOLVER.
 */
CEFO_API cefo_status cefo_problem_set_resource(cefo_problem *prob, size_t resource, double min,
                                               double max, double price);

/* cefo_problem_update(prob, kind, index, attribute, value, NULL). */
CEFO_API cefo_status cefo_problem_set(cefo_problem *prob, cefo_item kind, size_t index,
                                      const char *attribute, double value);

typedef enum cefo_model_format {
    CEFO_MODEL_MPS = 0,     /* free MPS, for any LP/MIP solver */
    CEFO_MODEL_LP = 1       /* CPLEX LP, readable by people and most solvers */
} cefo_model_format;

/*
 * Writes the problem as GLPK would solve it (current parameters included), rows and columns
 * named after the model (x_PROCESS, f_FROM_TO_MATERIAL, bal_MATERIAL, em_POLLUTANT...; see
 * docs/results.md), atomically to `path`. Returns CEFO_OK, CEFO_ERR_ARG, CEFO_ERR_CREATE,
 * CEFO_ERR_NOMEM or CEFO_ERR_SOLVER.
 */
CEFO_API cefo_status cefo_problem_write(cefo_problem *prob, cefo_model_format format,
                                        const char *path, cefo_error *err);

/* ---------------------------------------------------------------- result */

typedef enum cefo_solve_status {
    CEFO_SOLVE_OPTIMAL = 0,
    CEFO_SOLVE_INFEASIBLE = 1,
    CEFO_SOLVE_UNBOUNDED = 2,
    CEFO_SOLVE_ITERATION_LIMIT = 3,
    CEFO_SOLVE_TIME_LIMIT = 4,
    CEFO_SOLVE_UNDEFINED = 5,   /* the back-end stopped without a verdict */
    CEFO_SOLVE_GAP_LIMIT = 6    /* MIP: a plan within the requested relative gap */
} cefo_solve_status;

/* Contract name of a solve status ("optimal", "infeasible", ...; static string). */
CEFO_API const char *cefo_solve_status_name(cefo_solve_status s);
/* The same in words for a person ("the model is infeasible", "stopped at the time limit"). */
CEFO_API const char *cefo_solve_status_words(cefo_solve_status s);

/* One point of a cost-emission frontier. */
typedef struct cefo_pareto_point {
    double cap;             /* the cap imposed on the pollutant */
    double emission;        /* its total at the least-cost plan under that cap */
    double objective;       /* the total cost of that plan */
    cefo_solve_status status;
} cefo_pareto_point;

/*
 * The frontier of total cost against one pollutant's total (epsilon-constraint): the
 * least-cost plan gives the high end, the plan that minimises the pollutant the low end, and
 * npoints caps evenly between them (high to low) are solved in place. The problem's objective
 * and cap are restored afterwards. With <periods>, the pollutant's total is over the
 * programme (the sum over periods of years x emission) and the cap is on that total. Returns CEFO_OK, CEFO_ERR_ARG, CEFO_ERR_INVALID (no
 * optimal plan to start from: the points are not filled) or the statuses of a solve.
 */
CEFO_API cefo_status cefo_problem_pareto_sized(cefo_problem *prob, size_t pollutant,
                                               size_t npoints, const cefo_options *opt,
                                               cefo_pareto_point *points, cefo_error *err,
                                               size_t size);
#define cefo_problem_pareto(prob, pollutant, npoints, opt, points, err) \
    cefo_problem_pareto_sized((prob), (pollutant), (npoints), (opt), (points), (err), \
                         sizeof *(points))

/* Frees a result. Accepts NULL. */
CEFO_API void cefo_result_free(cefo_result *res);

CEFO_API cefo_solve_status cefo_result_status(const cefo_result *res);

/* The network a result belongs to (borrowed; NULL for NULL). */
CEFO_API const cefo_network *cefo_result_network(const cefo_result *res);

/* Objective value (total cost); NAN without a plan (values are reported for optimal, for
 * gap-limit, and for a time limit that found a plan). */
CEFO_API double cefo_result_objective(const cefo_result *res);

/*
 * Rows of a result. Strings point into the network; numbers are NAN where they do not exist
 * (no capacity, no cap, no solution). A shadow price is d(objective)/d(right-hand side).
 */
typedef struct cefo_process_result {
    const char *id;
    const char *kind;       /* "production", "treatment", "recycling", "disposal" */
    double activity;
    double capacity;        /* INFINITY when unbounded */
    double capacity_shadow_price; /* <= 0 when capacity binds; NAN without capacity */
    int chosen;             /* build/keep decisions: 1 runs, 0 closed or not built; -1 not a
                               decision; -2 no plan */
    const char *group;      /* NULL unless a group member */
    const char *variant;    /* the member's variant label, or NULL */
} cefo_process_result;

typedef struct cefo_link_result {
    const char *from;
    const char *to;
    const char *material;
    double flow;
    double capacity;
    int chosen;             /* optional links: 1 built, 0 not; -1 not optional; -2 no plan */
} cefo_link_result;

typedef struct cefo_material_result {
    const char *id;
    const char *unit;
    const char *kind;       /* "product", "waste", "resource" */
    double import;
    double export;
    double discharge;
    double demand;
    double shadow_price;    /* cost of one more unit of demand */
} cefo_material_result;

typedef struct cefo_pollutant_result {
    const char *id;
    const char *unit;
    double emission;
    double cap;             /* INFINITY without a cap */
    double damage_cost;     /* per unit emitted, as used in this solve */
    double shadow_price;    /* <= 0 when the cap binds; NAN without a cap */
} cefo_pollutant_result;

/* Each returns CEFO_OK or CEFO_ERR_ARG (NULL argument, index out of range). */
CEFO_API size_t cefo_result_count(const cefo_result *res, cefo_item kind);
CEFO_API cefo_status cefo_result_process_sized(const cefo_result *res, size_t i,
                                               cefo_process_result *row, size_t size);
#define cefo_result_process(res, i, row) cefo_result_process_sized((res), (i), (row), sizeof *(row))
CEFO_API cefo_status cefo_result_link_sized(const cefo_result *res, size_t i,
                                            cefo_link_result *row, size_t size);
#define cefo_result_link(res, i, row) cefo_result_link_sized((res), (i), (row), sizeof *(row))
CEFO_API cefo_status cefo_result_material_sized(const cefo_result *res, size_t i,
                                                cefo_material_result *row, size_t size);
#define cefo_result_material(res, i, row) \
    cefo_result_material_sized((res), (i), (row), sizeof *(row))
CEFO_API cefo_status cefo_result_pollutant_sized(const cefo_result *res, size_t i,
                                                 cefo_pollutant_result *row, size_t size);
#define cefo_result_pollutant(res, i, row) \
    cefo_result_pollutant_sized((res), (i), (row), sizeof *(row))

/* A resource (a shared limit: quota, land, fund, jobs): its total use against its bounds. */
typedef struct cefo_resource_result {
    const char *id;
    const char *unit;
    const char *name;       /* NULL when not given */
    double use;             /* the sum of its uses in the plan */
    double min;             /* -INFINITY without a min */
    double max;             /* INFINITY without a max */
    double price;           /* per unit used, as used in this solve */
    double shadow_price;    /* d objective / d bound of the binding side: <= 0 for a max,
                               >= 0 for a min, 0 when slack; NAN without either bound */
} cefo_resource_result;

CEFO_API cefo_status cefo_result_resource_sized(const cefo_result *res, size_t i,
                                                cefo_resource_result *row, size_t size);
#define cefo_result_resource(res, i, row) \
    cefo_result_resource_sized((res), (i), (row), sizeof *(row))

/* A group of mutually exclusive variants: which one runs (chosen NULL: none, the firm closed). */
typedef struct cefo_group_result {
    const char *id;
    const char *chosen;     /* process id of the variant that runs, or NULL */
    const char *variant;    /* its variant label, or NULL */
    double fixed_cost;      /* incurred by the chosen variant */
} cefo_group_result;

CEFO_API cefo_status cefo_result_group_sized(const cefo_result *res, size_t i,
                                             cefo_group_result *row, size_t size);
#define cefo_result_group(res, i, row) cefo_result_group_sized((res), (i), (row), sizeof *(row))

/*
 * A model with build/keep decisions is solved as a MIP (branch and bound, then the LP with
 * every decision fixed, from which its shadow prices come). Returns the relative gap between
 * the plan and the best bound (0 when proven optimal), or NAN for an LP or without a plan.
 */
CEFO_API double cefo_result_gap(const cefo_result *res);

/*
 * Why an infeasible model has no plan: the least total change (shortfalls, surpluses with
 * nowhere to go, capacities, minimum levels, caps and link capacities that would have to
 * move) that would make one, from an elastic version of the model. `kind` is "demand",
 * "shortage", "input", "surplus", "capacity", "minimum", "cap" or "link-capacity"; `id` the
 * material, process or pollutant; `message` says it in the planner's terms. Strings belong to
 * the result.
 */
typedef struct cefo_diagnosis_item {
    const char *kind;
    const char *id;
    double amount;
    const char *unit;
    const char *message;
} cefo_diagnosis_item;

/* Number of diagnosis items (0 unless the result is infeasible and was diagnosed). */
CEFO_API size_t cefo_result_diagnosis_count(const cefo_result *res);
CEFO_API cefo_status cefo_result_diagnosis_sized(const cefo_result *res, size_t i,
                                                 cefo_diagnosis_item *out, size_t size);
#define cefo_result_diagnosis(res, i, out) \
    cefo_result_diagnosis_sized((res), (i), (out), sizeof *(out))

/* The terms of the objective, in the currency of the network (spec section 1). */
typedef struct cefo_costs {
    double process;         /* sum of process cost * activity */
    double link;            /* sum of link cost * flow */
    double import;
    double discharge;
    double pollution;       /* sum of damage cost * emission */
    double export_revenue;  /* counted with a minus sign in the objective */
    double fixed;           /* fixed costs of chosen optional items */
    double total;           /* the objective: these terms, plus any term listed only by
                               cefo_result_cost_term (resource prices) */
} cefo_costs;

/*
 * The objective's terms one by one, every term included (also those added after cefo_costs
 * was fixed, such as "resource": price x use of the resources, present when the network has
 * resources), "total" last: `key` is the JSON key, `label` a name for people (static
 * strings). cefo_result_cost_count is 0 for NULL. Returns CEFO_OK or CEFO_ERR_ARG.
 */
typedef struct cefo_cost_term {
    const char *key;
    const char *label;
    double value;
    const char *column;     /* its column in a summary line (cefo_result_write_summary):
                               "cost_process", ..., "export_revenue"; NULL for "total", whose
                               value stands in the column "objective" (static string) */
} cefo_cost_term;

CEFO_API size_t cefo_result_cost_count(const cefo_result *res);
CEFO_API cefo_status cefo_result_cost_term_sized(const cefo_result *res, size_t i,
                                                 cefo_cost_term *out, size_t size);
#define cefo_result_cost_term(res, i, out) \
    cefo_result_cost_term_sized((res), (i), (out), sizeof *(out))

/*
 * The indicators' sums over every material whatever its unit, kept for programs built
 * against earlier headers: they add tonnes to cubic metres when the network's wastes (or
 * imports) are given in different units, and then mean nothing. Read the indicators by unit
 * (cefo_result_indicator below) instead. reuse_rate is NAN without waste.
 */
typedef struct cefo_indicators {
    double waste_generated;
    double waste_reused;
    double waste_treated;
    double waste_disposed;
    double reuse_rate;
    double virgin_import;
    double labour;
} cefo_indicators;

CEFO_API cefo_status cefo_result_costs_sized(const cefo_result *res, cefo_costs *out, size_t size);
#define cefo_result_costs(res, out) cefo_result_costs_sized((res), (out), sizeof *(out))
CEFO_API cefo_status cefo_result_indicators_sized(const cefo_result *res, cefo_indicators *out,
                                                  size_t size);
#define cefo_result_indicators(res, out) cefo_result_indicators_sized((res), (out), sizeof *(out))

/* ---------------------------------------------------------------- indicators by unit */

/*
 * The indicators every result reports (spec section 1, docs/results.md), never adding amounts
 * in different units: the mass units g, kg, t, kt and Mt are converted to t, the volume units
 * L, m3 and ML to m3, and any other unit stays apart as written. Amounts of wastes (generated,
 * reused, treated, disposed) come in the units of the network's waste materials, virgin
 * import in those of the materials that may be imported, each unit once in order of first
 * use; the reuse rate is reused / generated within each unit; labour is one total.
 */
typedef enum cefo_indicator_kind {
    CEFO_INDICATOR_AMOUNT = 0,  /* an amount in `unit` */
    CEFO_INDICATOR_RATE = 1,    /* a ratio of two amounts in `unit` (reuse rate) */
    CEFO_INDICATOR_TOTAL = 2    /* one number for the plan, `unit` NULL (labour) */
} cefo_indicator_kind;

/* The table of indicators, in the order every writer shows them: how many, and indicator i's
 * JSON key, its name for people and its kind (static strings; any output may be NULL).
 * CEFO_OK or CEFO_ERR_ARG. */
CEFO_API size_t cefo_indicator_count(void);
CEFO_API cefo_status cefo_indicator_info(size_t i, const char **key, const char **label,
                                         cefo_indicator_kind *kind);

/* One indicator in one unit. Fields may be added at the end: read it with the macro
 * cefo_result_indicator, which passes the size this header knows. */
typedef struct cefo_indicator_row {
    const char *key;            /* "waste_generated", ... (static) */
    const char *label;          /* "waste generated", ... (static) */
    cefo_indicator_kind kind;
    const char *unit;           /* "t", "m3", a unit as written, NULL for a total */
    double value;               /* NAN without a plan, and for a rate with nothing generated */
} cefo_indicator_row;

/* The rows of a result, indicator by indicator in the table's order, units in order (0 for
 * NULL); row i into the first `size` bytes of `row`. CEFO_OK or CEFO_ERR_ARG. */
CEFO_API size_t cefo_result_indicator_count(const cefo_result *res);
CEFO_API cefo_status cefo_result_indicator_sized(const cefo_result *res, size_t i,
                                                 cefo_indicator_row *row, size_t size);
#define cefo_result_indicator(res, i, row) \
    cefo_result_indicator_sized((res), (i), (row), sizeof *(row))
/* The value of indicator `key` in `unit` (NULL for a total); NAN when the result has no such
 * row. */
CEFO_API double cefo_result_indicator_value(const cefo_result *res, const char *key,
                                            const char *unit);

/* ---------------------------------------------------------------- plans over several periods */

/*
 * A network with <periods> (spec section 6, docs/network-format.md) is solved as one model
 * over all its periods. Its result is the programme: the discounted objective, its cost terms
 * discounted (years x discount for running costs, the discount alone for investments, the
 * term "investment" of cefo_result_cost_term), amounts summed over periods x years, decisions
 * and groups as they stand in the last period. Each period is a result of its own, read with
 * every accessor above: the network as it stood then, costs and shadow prices per year in
 * that period's money, its investments paid (term "investment"), its groups' states and their
 * counts by sector and zone (cefo_result_area_groups). A network without <periods> has 0
 * periods and its result none.
 */
CEFO_API size_t cefo_network_period_count(const cefo_network *net);
/* The id of period t (owned by the network), NULL when out of range. */
CEFO_API const char *cefo_network_period_id(const cefo_network *net, size_t t);
/* The i-th file the network was read from besides its own: the CSV registries of its
 * grouping elements (src=), in the order read, as the network names them (relative to its
 * folder); NULL past the last. Owned by the network. A host writing outputs should refuse
 * these paths as it refuses the network's own file. */
CEFO_API const char *cefo_network_input(const cefo_network *net, size_t i);

/* Number of periods of a result (0 for a single-period plan or NULL). */
CEFO_API size_t cefo_result_period_count(const cefo_result *res);
/* Period t's result, owned by `res` (never free it); NULL when out of range. */
CEFO_API const cefo_result *cefo_result_period(const cefo_result *res, size_t t);

typedef struct cefo_period_info {
    const char *id;         /* owned by the network */
    double years;           /* the weight of its running costs */
    double start;           /* years before it */
    double discount;        /* (1 + rate)^-start */
    double objective;       /* its own cost: running costs per year plus investments paid */
    double discounted;      /* its share of the plan's objective: years x discount x running
                               + discount x investments (they add up to the objective) */
} cefo_period_info;

/* CEFO_OK or CEFO_ERR_ARG. */
CEFO_API cefo_status cefo_result_period_info_sized(const cefo_result *res, size_t t,
                                                   cefo_period_info *out, size_t size);
#define cefo_result_period_info(res, t, out) \
    cefo_result_period_info_sized((res), (t), (out), sizeof *(out))
/* The state of group `group` in period t: cefo_result_group of that period. CEFO_OK or
 * CEFO_ERR_ARG. */
CEFO_API cefo_status cefo_result_trajectory_sized(const cefo_result *res, size_t group, size_t t,
                                                  cefo_group_result *row, size_t size);
#define cefo_result_trajectory(res, group, t, row) \
    cefo_result_trajectory_sized((res), (group), (t), (row), sizeof *(row))

/* ---------------------------------------------------------------- by firm, sector, zone */

/*
 * Per process: what it costs (cost x activity, plus its fixed cost when it is a chosen
 * decision), that fixed cost, and its labour. NAN without a plan. CEFO_OK or CEFO_ERR_ARG.
 */
typedef struct cefo_process_figures {
    double cost;
    double fixed_cost;
    double labour;
} cefo_process_figures;

CEFO_API cefo_status cefo_result_process_figures_sized(const cefo_result *res, size_t i,
                                                       cefo_process_figures *out, size_t size);
#define cefo_result_process_figures(res, i, out) \
    cefo_result_process_figures_sized((res), (i), (out), sizeof *(out))
/* Emission of `pollutant` by process i (its factor x its activity); NAN out of range. */
CEFO_API double cefo_result_process_emission(const cefo_result *res, size_t i,
                                             size_t pollutant);

/* Areas a plan is summed by: the processes' `sector` or `zone` attributes. */
typedef enum cefo_area_kind { CEFO_SECTOR = 0, CEFO_ZONE = 1 } cefo_area_kind;

typedef struct cefo_area_result {
    const char *id;         /* the sector or zone, as written */
    size_t processes;       /* how many processes give it */
    double activity_cost;   /* sum of cost x activity */
    double fixed_cost;      /* fixed costs of its chosen decisions */
    double labour;
} cefo_area_result;

/* Sectors or zones in order of first use (0 when no process gives one). */
CEFO_API size_t cefo_result_area_count(const cefo_result *res, cefo_area_kind kind);
CEFO_API cefo_status cefo_result_area_sized(const cefo_result *res, cefo_area_kind kind, size_t i,
                                            cefo_area_result *row, size_t size);
#define cefo_result_area(res, kind, i, row) \
    cefo_result_area_sized((res), (kind), (i), (row), sizeof *(row))
/* Emission of `pollutant` by the processes of area i; NAN out of range. */
CEFO_API double cefo_result_area_emission(const cefo_result *res, cefo_area_kind kind, size_t i,
                                          size_t pollutant);
/*
 * Groups (firms) are counted by the variant label of the member that runs ("keep",
 * "rectify", "relocate"...; "running" for members without a label) and "closed" (none
 * runs), in that order of first use with "closed" last: the labels, and how many groups of
 * area i chose label j. A group counts in the area of the member that runs (a relocated firm
 * in the park's zone), a closed one in its first member's. Counts are 0 without a plan.
 */
CEFO_API size_t cefo_result_variant_count(const cefo_result *res);
CEFO_API const char *cefo_result_variant(const cefo_result *res, size_t j);
CEFO_API size_t cefo_result_area_groups(const cefo_result *res, cefo_area_kind kind, size_t i,
                                        size_t variant);

typedef enum cefo_format {
    CEFO_FORMAT_TEXT = 0,
    CEFO_FORMAT_JSON = 1,
    CEFO_FORMAT_CSV = 2
} cefo_format;

/*
 * Writes a result to an open stream in one of the documented formats (docs/results.md).
 * Numbers are written in the C locale whatever the caller's locale.
 * Returns CEFO_OK, CEFO_ERR_ARG or CEFO_ERR_IO (a write failed).
 */
CEFO_API cefo_status cefo_result_write(const cefo_result *res, FILE *fp, cefo_format format,
                                       cefo_error *err);

/*
 * Writes a result to `path` atomically: into a temporary file beside it, then renamed, so an
 * interrupted or failed write never leaves a partial file. Returns CEFO_OK, CEFO_ERR_ARG,
 * CEFO_ERR_CREATE (cannot create the file) or CEFO_ERR_IO.
 */
CEFO_API cefo_status cefo_result_write_file(const cefo_result *res, const char *path,
                                            cefo_format format, cefo_error *err);

/* ---------------------------------------------------------------- output files */

/*
 * One output file, opened the way every cefo_*_file writer opens its path (docs/robustness.md):
 * a regular file or a new path is written to a temporary file beside it and renamed into place
 * only when complete; anything else that exists (a FIFO, a device such as /dev/null) is
 * written in place and never replaced; a symlink is followed to its final target, which is
 * written (or created) while the link stays; a new file honours the umask, a replaced one
 * keeps its mode (and, when allowed, its owner); a directory is refused. Errors name the path
 * as given, never the temporary file. Use: open, write through the stream (or let a writer
 * that takes a path write cefo_output_file), then commit; or discard. Several outputs can be
 * finished first and committed together, so that a set is written whole or not at all.
 */
typedef struct cefo_output cefo_output;

/*
 * Opens `path` for writing (nothing is replaced yet). Returns CEFO_OK, CEFO_ERR_ARG,
 * CEFO_ERR_CREATE (cannot create the temporary file, a directory, a symlink loop) or
 * CEFO_ERR_NOMEM. On success *out is owned by the caller until committed or discarded.
 */
CEFO_API cefo_status cefo_output_open(cefo_output **out, const char *path, cefo_error *err);

/* The stream to write to, owned by `out` (opened at the first call: a FIFO blocks here until
 * it has a reader). Returns CEFO_OK, CEFO_ERR_ARG, CEFO_ERR_CREATE or CEFO_ERR_NOMEM. */
CEFO_API cefo_status cefo_output_stream(cefo_output *out, FILE **fp, cefo_error *err);

/* The file that receives the bytes, for writers that take a path: the temporary file, or the
 * target itself when it is written in place. Owned by `out`. */
CEFO_API const char *cefo_output_file(const cefo_output *out);

/* Flushes, checks, syncs and closes the stream; the file is not in place yet. Returns CEFO_OK
 * or CEFO_ERR_IO (a write failed: disk full, file size limit...), naming the path as given. */
CEFO_API cefo_status cefo_output_finish(cefo_output *out, cefo_error *err);

/* Finishes `out` if needed, renames the temporary file into place and frees `out`. On any
 * error the temporary file is removed and the old file is left as it was. Returns CEFO_OK,
 * CEFO_ERR_ARG, CEFO_ERR_IO or CEFO_ERR_CREATE. */
CEFO_API cefo_status cefo_output_commit(cefo_output *out, cefo_error *err);

/* Closes `out`, removes its temporary file and frees it; the old file stays. NULL is allowed. */
CEFO_API void cefo_output_discard(cefo_output *out);

/*
 * Removes the temporary file of every output of the process not yet committed, and makes
 * every later open or commit fail: for a host's signal-handling thread, just before it ends
 * the process. It takes a lock: call it from a thread, not from an asynchronous signal handler.
 */
CEFO_API void cefo_output_remove_temporaries(void);

/* ---------------------------------------------------------------- the value of decisions */

/*
 * What one decision is worth to the plan (spec section 8): `value`, the objective when it is
 * forbidden minus the optimum (what the cluster saves by having it; INFINITY when nothing is
 * feasible without it), `regret`, the objective when it is forced on minus the optimum (what
 * forcing an unchosen one costs; INFINITY when infeasible), and whether the optimum takes it.
 * The side the optimum already takes is 0 without a solve. Decisions are numbered: optional
 * processes outside groups (process order), optional links (link order), then groups (a
 * group forbidden is the firm closed; forced, some variant runs).
 */
typedef struct cefo_rank_row {
    cefo_item kind;         /* CEFO_PROCESS, CEFO_LINK or CEFO_GROUP */
    size_t index;           /* into that kind */
    size_t decision;        /* its number among all decisions */
    const char *id;         /* the process or group id (owned by the network); NULL for a link */
    int chosen;             /* 1 when the optimum takes it */
    double value;
    double regret;
    cefo_solve_status forbidden_status; /* of the solve with it forbidden (optimal if skipped) */
    cefo_solve_status forced_status;
} cefo_rank_row;

/* Number of decisions of a problem (0 for NULL). */
CEFO_API size_t cefo_problem_decision_count(const cefo_problem *prob);

/*
 * Solves the problem, then for each decision numbered in `which` (n of them; NULL: all, n the
 * decision count) the problem with it forbidden or forced, each in place from the solved
 * model (a bound of its 0/1 column, or of its group's row, moved and restored). Fills `rows`
 * sorted by value, largest first, and *optimum (may be NULL). Returns CEFO_OK, CEFO_ERR_ARG,
 * CEFO_ERR_INVALID (no plan to rank against), CEFO_ERR_NOMEM or the statuses of a solve.
 */
CEFO_API cefo_status cefo_problem_rank_sized(cefo_problem *prob, const cefo_options *opt,
                                             const size_t *which, size_t n, cefo_rank_row *rows,
                                             double *optimum, cefo_error *err, size_t size);
#define cefo_problem_rank(prob, opt, which, n, rows, optimum, err) \
    cefo_problem_rank_sized((prob), (opt), (which), (n), (rows), (optimum), (err), sizeof *(rows))

/* The number of the decision a process (optional, or a group member: its group), an optional
 * link or a group stands for. CEFO_OK, or CEFO_ERR_ARG when it is no decision. */
CEFO_API cefo_status cefo_problem_decision_of(const cefo_problem *prob, cefo_item kind,
                                              size_t index, size_t *decision);

/* Ranked decisions (cefo_problem_rank's rows) as text, JSON or CSV (docs/rank.md), to a
 * stream or atomically to a file. Same statuses as cefo_result_write(_file). */
CEFO_API cefo_status cefo_rank_write_sized(const cefo_network *net, const cefo_rank_row *rows,
                                           size_t n, double optimum, FILE *fp, cefo_format format,
                                           cefo_error *err, size_t size);
#define cefo_rank_write(net, rows, n, optimum, fp, format, err) \
    cefo_rank_write_sized((net), (rows), (n), (optimum), (fp), (format), (err), sizeof *(rows))
CEFO_API cefo_status cefo_rank_write_file_sized(const cefo_network *net, const cefo_rank_row *rows,
                                                size_t n, double optimum, const char *path,
                                                cefo_format format, cefo_error *err, size_t size);
#define cefo_rank_write_file(net, rows, n, optimum, path, format, err) \
    cefo_rank_write_file_sized((net), (rows), (n), (optimum), (path), (format), (err), \
                         sizeof *(rows))

/* ---------------------------------------------------------------- input-output tables */

/*
 * An input-output table (spec section 2): sectors, transactions Z, final demand, extensions,
 * and for a waste input-output (WIO) table, net waste generation and the allocation of wastes
 * to treatment sectors. Analyses borrow the table: it must outlive their results.
 */
typedef struct cefo_iotable cefo_iotable;

/*
 * Loads `<iotable version="1">`, or derives a table from a `<network version="1">` whose
 * products each have exactly one producing process (see cefo_iotable_from_network). `src=`
 * files are read relative to the directory of `path`. Returns CEFO_OK, CEFO_ERR_NOFILE,
 * CEFO_ERR_IO, CEFO_ERR_PARSE, CEFO_ERR_INVALID, CEFO_ERR_NOMEM or CEFO_ERR_ARG.
 */
CEFO_API cefo_status cefo_iotable_load_file(cefo_iotable **out, const char *path, cefo_error *err);

/*
 * As cefo_iotable_load_file from memory; `src=` files are read relative to the directory of
 * `name` (the working directory when `name` is NULL or names no directory).
 */
CEFO_API cefo_status cefo_iotable_load_memory(cefo_iotable **out, const char *data, size_t len,
                                              const char *name, cefo_error *err);

/*
 * Load flags, OR-ed together; 0 is the careful default of the loaders above: a `src=` file
 * must lie inside the XML file's directory (symlinks resolved), or the load fails with
 * CEFO_ERR_INVALID at the element's line. CEFO_LOAD_SRC_ANYWHERE lifts that for trusted input.
 */
typedef enum cefo_load_flag {
    CEFO_LOAD_SRC_ANYWHERE = 1 /* src= may name any readable file */
} cefo_load_flag;

/* cefo_iotable_load_file and cefo_iotable_load_memory with load flags; same statuses. */
CEFO_API cefo_status cefo_iotable_load_file_flags(cefo_iotable **out, const char *path,
                                                  unsigned flags, cefo_error *err);
CEFO_API cefo_status cefo_iotable_load_memory_flags(cefo_iotable **out, const char *data,
                                                    size_t len, const char *name, unsigned flags,
                                                    cefo_error *err);

/*
 * The input-output view of a network: one sector per product (a material of kind product that
 * a process outputs), which must have exactly one producing process; A[i][j] is that process's
 * input of product i per unit of product j, final demand the network's demands, and extensions
 * the pollutants, labour, wastes generated and resources bought per unit of product. The table
 * copies what it needs. Returns CEFO_OK, CEFO_ERR_INVALID (a product with no or several
 * producers, named with its line), CEFO_ERR_ARG or CEFO_ERR_NOMEM.
 */
CEFO_API cefo_status cefo_iotable_from_network(cefo_iotable **out, const cefo_network *net,
                                               cefo_error *err);

CEFO_API void cefo_iotable_free(cefo_iotable *table);

/* Number of sectors (0 for NULL), and the id of sector i (NULL when out of range). */
CEFO_API size_t cefo_iotable_size(const cefo_iotable *table);
/* The i-th file the table was read from besides its own: its src= files in the order read;
 * NULL past the last. Owned by the table. */
CEFO_API const char *cefo_iotable_input(const cefo_iotable *table, size_t i);
CEFO_API const char *cefo_iotable_sector(const cefo_iotable *table, size_t i);

/* Index of the sector `id`: CEFO_OK, CEFO_ERR_INVALID when there is none, CEFO_ERR_ARG. */
CEFO_API cefo_status cefo_iotable_find(const cefo_iotable *table, const char *id, size_t *i);

/*
 * The table's own final demand (for a WIO table, with the treatment sectors' share of the
 * wastes of final demand) into `out`, which has room for cefo_iotable_size values: a start
 * for a new demand. Returns CEFO_OK or CEFO_ERR_ARG.
 */
CEFO_API cefo_status cefo_iotable_final_demand(const cefo_iotable *table, double *out);

typedef struct cefo_io_options {
    int inverse;                /* 1: also compute the Leontief inverse L (n^2 memory) */
    int coefficients;           /* 1: also keep the coefficient matrix A (n^2 memory) */
    const double *final_demand; /* NULL: the table's own; else n values, read during the call */
    double rcond_min;           /* refuse I - A with a smaller reciprocal condition number */
    int reserved[8];
} cefo_io_options;

/* Defaults: no inverse, no A, the table's final demand, rcond_min 1e-12. */
CEFO_API void cefo_io_options_init(cefo_io_options *opt);

typedef struct cefo_io_result cefo_io_result;

/*
 * Leontief analysis: A = Z diag(x)^-1 (for a WIO table, treatment rows S G with
 * G = W diag(x)^-1), x = (I - A)^-1 y, output multipliers (column sums of (I - A)^-1), and for
 * each extension its direct intensity (per unit of output), total intensity (per unit of final
 * demand) and footprint by final-demand sector. Solves with one LU factorisation and inverts
 * only when asked. Returns CEFO_OK, CEFO_ERR_ARG, CEFO_ERR_NOMEM, CEFO_ERR_UNAVAILABLE when
 * BLAS and LAPACK cannot be loaded (the first call loads OpenBLAS, or the library named by the
 * environment variable CEFO_BLAS; the message says why), or CEFO_ERR_INVALID when I - A is
 * singular or its reciprocal condition number is below rcond_min (the message names the
 * number and the sector of the weakest pivot).
 */
CEFO_API cefo_status cefo_iotable_analyse(const cefo_iotable *table, const cefo_io_options *opt,
                                          cefo_io_result **out, cefo_error *err);

CEFO_API void cefo_io_result_free(cefo_io_result *res);

/* Views into a result: arrays owned by the result, sector ids by the table. */
typedef struct cefo_io_vectors {
    size_t n;
    const char *const *sectors;
    const double *final_demand;         /* the y analysed */
    const double *total_output;         /* x = L y */
    const double *output_multipliers;   /* column sums of L */
    const double *coefficients;         /* A, n x n row-major; NULL unless asked */
    const double *inverse;              /* L, n x n row-major; NULL unless asked */
    double rcond;                       /* reciprocal condition number of I - A (inf-norm) */
} cefo_io_vectors;

typedef struct cefo_io_extension {
    const char *id;
    const char *unit;
    const double *direct_intensity;     /* per unit of total output (table's x) */
    const double *total_intensity;      /* per unit of final demand */
    const double *footprint;            /* by final-demand sector */
    double total;                       /* sum of the footprints */
} cefo_io_extension;

/* Each returns CEFO_OK or CEFO_ERR_ARG. */
CEFO_API cefo_status cefo_io_result_vectors_sized(const cefo_io_result *res, cefo_io_vectors *out,
                                                  size_t size);
#define cefo_io_result_vectors(res, out) cefo_io_result_vectors_sized((res), (out), sizeof *(out))
CEFO_API size_t cefo_io_result_extensions(const cefo_io_result *res);
CEFO_API cefo_status cefo_io_result_extension_sized(const cefo_io_result *res, size_t k,
                                                    cefo_io_extension *out, size_t size);
#define cefo_io_result_extension(res, k, out) \
    cefo_io_result_extension_sized((res), (k), (out), sizeof *(out))

/* Writers, as for plans (docs/leontief.md). Same statuses as cefo_result_write(_file). */
CEFO_API cefo_status cefo_io_result_write(const cefo_io_result *res, FILE *fp, cefo_format format,
                                          cefo_error *err);
CEFO_API cefo_status cefo_io_result_write_file(const cefo_io_result *res, const char *path,
                                               cefo_format format, cefo_error *err);

/* ---------------------------------------------------------------- footprints of a plan */

/*
 * Whole-chain footprints of the cluster's final products under a solved plan (spec section 10,
 * docs/footprint.md): the plan's supply and use by process, products pooled by market share
 * of their producers, wastes charged to their generators with their treatment (WIO) along the
 * plan's own waste flows (links where the waste is linked, pooled shares otherwise), imports
 * and exports as the boundary. A process's burden goes to its co-products by value at the
 * plan's shadow prices (CEFO_ALLOCATION_MARKET; by amount when they are all zero) or by
 * amount (CEFO_ALLOCATION_MASS); a treatment plant's treatment service counts among them.
 */
typedef enum cefo_allocation {
    CEFO_ALLOCATION_MARKET = 0,
    CEFO_ALLOCATION_MASS = 1
} cefo_allocation;

typedef struct cefo_footprint cefo_footprint;

/*
 * One final product (a non-waste material with demand or export in the plan), or the totals.
 * Arrays have one value per pollutant of the network, in network order, then virgin import,
 * then labour (cefo_footprint_pollutants + 2 values). `intensity` is per unit delivered;
 * `footprint` = intensity x (demand + export). For the totals row, `intensity` holds the
 * plan's own totals (what the footprints must add up to), `imported_waste` the treatment of
 * wastes imported from outside (a boundary beside final demand) and `residual` the largest
 * relative gap between the two.
 */
typedef struct cefo_footprint_row {
    const char *id;
    const char *unit;
    double demand;
    double export;
    const double *intensity;
    const double *footprint;
    double virgin_import;           /* imported materials along the chain, units as written */
    double labour;
    double virgin_import_intensity; /* per unit delivered (NAN in the totals row) */
    double labour_intensity;
    const double *imported_waste;   /* totals row only, else NULL */
    double residual;                /* totals row only */
} cefo_footprint_row;

/*
 * Computes the footprints of an optimal plan (the result's network must still be alive; the
 * footprint borrows `res`, which must outlive it). Conservation is checked: the footprints
 * of all final demands and exports, plus the treatment of imported wastes, add up to the
 * plan's total emission of every pollutant (discharges included), its virgin import and its
 * labour, to 1e-9 relative. Returns CEFO_OK, CEFO_ERR_ARG, CEFO_ERR_NOMEM,
 * CEFO_ERR_UNAVAILABLE (BLAS and LAPACK cannot be loaded, as for cefo_iotable_analyse), or
 * CEFO_ERR_INVALID (no optimal plan; a running process with no product and no waste treated;
 * a closed loop of burden; conservation failed), the message naming the item.
 */
CEFO_API cefo_status cefo_footprint_compute(cefo_footprint **out, const cefo_result *res,
                                            cefo_allocation allocation, cefo_error *err);
CEFO_API void cefo_footprint_free(cefo_footprint *fp);
/* Number of final products, and of pollutants (0 for NULL). */
CEFO_API size_t cefo_footprint_count(const cefo_footprint *fp);
CEFO_API size_t cefo_footprint_pollutants(const cefo_footprint *fp);
/* Product i, or the totals; pointers owned by the footprint. CEFO_OK or CEFO_ERR_ARG. */
CEFO_API cefo_status cefo_footprint_product_sized(const cefo_footprint *fp, size_t i,
                                                  cefo_footprint_row *row, size_t size);
#define cefo_footprint_product(fp, i, row) \
    cefo_footprint_product_sized((fp), (i), (row), sizeof *(row))
CEFO_API cefo_status cefo_footprint_totals_sized(const cefo_footprint *fp, cefo_footprint_row *row,
                                                 size_t size);
#define cefo_footprint_totals(fp, row) cefo_footprint_totals_sized((fp), (row), sizeof *(row))
/* The plan it was computed from, and the allocation it used. */
CEFO_API const cefo_result *cefo_footprint_result(const cefo_footprint *fp);
CEFO_API cefo_allocation cefo_footprint_allocation(const cefo_footprint *fp);
/*
 * Writes footprints as text, JSON (`products`, `totals`, docs/footprint.md) or CSV (one line
 * per product, pollutant or quantity), or atomically to a file. Same statuses as
 * cefo_result_write(_file).
 */
CEFO_API cefo_status cefo_footprint_write(const cefo_footprint *fp, FILE *out, cefo_format format,
                                          cefo_error *err);
CEFO_API cefo_status cefo_footprint_write_file(const cefo_footprint *fp, const char *path,
                                               cefo_format format, cefo_error *err);

/* ---------------------------------------------------------------- what-if edits */

/*
 * A set of what-if scenarios (spec section 3): each a list of edits (scale, replace, remove,
 * add) with XPath selectors evaluated on the network document. Owned by the caller.
 */
typedef struct cefo_scenarios cefo_scenarios;

/* Returns CEFO_OK, CEFO_ERR_NOFILE, CEFO_ERR_IO, CEFO_ERR_PARSE, CEFO_ERR_INVALID, CEFO_ERR_NOMEM. */
CEFO_API cefo_status cefo_scenarios_load_file(cefo_scenarios **out, const char *path,
                                              cefo_error *err);
/* As cefo_scenarios_load_file from `len` bytes; `name` names the input in errors. */
CEFO_API cefo_status cefo_scenarios_load_memory(cefo_scenarios **out, const char *data,
                                                size_t len, const char *name, cefo_error *err);
CEFO_API void cefo_scenarios_free(cefo_scenarios *s);
CEFO_API size_t cefo_scenarios_count(const cefo_scenarios *s);
/* Id and name (the id when it has none) of scenario i; NULL when out of range. */
CEFO_API const char *cefo_scenarios_id(const cefo_scenarios *s, size_t i);
CEFO_API const char *cefo_scenarios_name(const cefo_scenarios *s, size_t i);
/* The line of scenario i in its file; 0 when out of range. */
CEFO_API int cefo_scenarios_line(const cefo_scenarios *s, size_t i);

/* One edit given by a program or a command line rather than a scenarios file. */
typedef enum cefo_edit_kind {
    CEFO_EDIT_SET = 0,      /* sel picks attributes; they become `value` */
    CEFO_EDIT_SCALE = 1,    /* sel picks numeric attributes; they are multiplied by `factor` */
    CEFO_EDIT_REMOVE = 2    /* sel picks elements or attributes; they are removed */
} cefo_edit_kind;

typedef struct cefo_edit {
    cefo_edit_kind kind;
    const char *sel;
    const char *value;
    double factor;
} cefo_edit;

/*
 * Loads a network after editing its document: first the edits of scenario `scenario` of `s`
 * (both NULL for none), then `edits` in order; the result is checked like any network. A
 * selector that matches nothing is an error naming the scenario file and line (or "edit N" of
 * the command line). Returns the statuses of cefo_network_load_file, and CEFO_ERR_ARG for an
 * unknown scenario id.
 */
/*
 * What an XPath selector picks in a network, as items of the model: each selected attribute
 * of a <process>, <pollutant>, <material>, <link> or <demand>, and of the <input>, <output>
 * and <emission> of a process or material (that item, attribute "input/amount" and the
 * like). A demand's "amount" becomes the CEFO_MATERIAL item's "demand": setting every
 * selected <demand> of a material to v makes its total demand offset + weight * v, `offset`
 * being its demands that were not selected and `weight` the number selected. Any other
 * target has offset 0 and weight 1. `value` is the attribute's current number (NAN if not
 * numeric).
 */
typedef struct cefo_target {
    cefo_item kind;
    size_t index;
    char attribute[32];
    double value;
    double offset;
    double weight;
} cefo_target;

/*
 * Evaluates `sel` on the network document of `path` after the scenario and edits (as
 * cefo_network_load_edited) and returns up to `max` targets, their number in *n (which may
 * exceed max: call again with more room; offsets and weights are only set when all fit).
 * When `net` is not NULL, the edited network itself
 * comes back too, owned by the caller: one parse serves both. Returns the statuses of
 * cefo_network_load_edited; CEFO_ERR_INVALID when sel is not valid XPath, takes too much work,
 * matches nothing, or something other than attributes of those elements.
 */
CEFO_API cefo_status cefo_network_select(const char *path, const cefo_scenarios *s,
                                         const char *scenario, const cefo_edit *edits,
                                         size_t nedits, const char *sel, cefo_target *targets,
                                         size_t max, size_t *n, cefo_network **net,
                                         cefo_error *err);

/* cefo_network_select on the `len` bytes at `data`, named `name` (NULL: "<memory>"). */
CEFO_API cefo_status cefo_network_select_memory(const char *data, size_t len, const char *name,
                                                const cefo_scenarios *s, const char *scenario,
                                                const cefo_edit *edits, size_t nedits,
                                                const char *sel, cefo_target *targets,
                                                size_t max, size_t *n, cefo_network **net,
                                                cefo_error *err);

CEFO_API cefo_status cefo_network_load_edited(cefo_network **out, const char *path,
                                              const cefo_scenarios *s, const char *scenario,
                                              const cefo_edit *edits, size_t nedits,
                                              cefo_error *err);
/* cefo_network_load_edited on the `len` bytes at `data` (standard input, say) rather than a
 * file; `name` names them in errors and in the network's source (NULL: "<memory>"). */
CEFO_API cefo_status cefo_network_load_edited_memory(cefo_network **out, const char *data,
                                                     size_t len, const char *name,
                                                     const cefo_scenarios *s,
                                                     const char *scenario,
                                                     const cefo_edit *edits, size_t nedits,
                                                     cefo_error *err);

/*
 * Where a network came from (its `source` in results, docs/results.md): the file it was read
 * from (the name given to a load from memory, "<memory>" without one); the scenario applied
 * by cefo_network_load_edited: its id, its name (the id when it has none) and the scenarios
 * file it was read from, each NULL when no scenario was; and the edits applied after it, in
 * order. cefo_network_edit fills *out with strings owned by the network (CEFO_OK, or
 * CEFO_ERR_ARG for a NULL argument or i out of range). NULL and 0 for a NULL network.
 * cefo_network_file gives the file, cefo_result_network a result's network.
 */
CEFO_API const char *cefo_network_scenario(const cefo_network *net);
CEFO_API const char *cefo_network_scenario_name(const cefo_network *net);
CEFO_API const char *cefo_network_scenarios_file(const cefo_network *net);
CEFO_API size_t cefo_network_edit_count(const cefo_network *net);
CEFO_API cefo_status cefo_network_edit(const cefo_network *net, size_t i, cefo_edit *out);

/*
 * Labels carried into results (docs/network-format.md): `label` "name", "sector" or "zone" of
 * item i of `kind` (processes have all three; a resource has a name), owned by the network;
 * NULL when not given, for another label or kind, or i out of range. A link's distance: NAN
 * when not given or i out of range.
 */
CEFO_API const char *cefo_network_label(const cefo_network *net, cefo_item kind, size_t i,
                                        const char *label);
CEFO_API double cefo_network_link_distance(const cefo_network *net, size_t i);

/*
 * The plan as a Graphviz graph (docs/results.md): processes as boxes (shaped by kind), pooled
 * materials as ellipses, one "outside" node for imports, exports and discharges; edges for
 * link flows and material flows, their width by amount, waste dashed. Without a plan, the
 * network's structure alone. Same statuses as cefo_result_write(_file).
 */
CEFO_API cefo_status cefo_result_write_dot(const cefo_result *res, FILE *fp, cefo_error *err);
CEFO_API cefo_status cefo_result_write_dot_file(const cefo_result *res, const char *path,
                                                cefo_error *err);

/*
 * The plan's material flows as a Sankey diagram in SVG (docs/report.md): processes, material
 * hubs and the cluster's imports, final demand, exports and discharges as nodes; product
 * chains, waste chains and pooled flows in distinct colours, recycling loops drawn as loops,
 * every node and flow with a tooltip of its amount and unit. Same statuses as
 * cefo_result_write(_file).
 */
CEFO_API cefo_status cefo_result_write_svg(const cefo_result *res, FILE *fp, cefo_error *err);
CEFO_API cefo_status cefo_result_write_svg_file(const cefo_result *res, const char *path,
                                                cefo_error *err);

/*
 * A self-contained HTML report (no scripts, fonts or network access): for results[0], the
 * plan summary, cost breakdown, emissions against caps, indicators, decisions, diagnosis and
 * its Sankey diagram; with n > 1, the other results compared with it side by side under their
 * labels. Written atomically. Same statuses as cefo_results_compare_file.
 */
CEFO_API cefo_status cefo_report_write_file(const cefo_result *const *results,
                                            const char *const *labels, size_t n,
                                            const char *path, cefo_error *err);
/* The same report to an open stream. Same statuses as cefo_results_compare. */
CEFO_API cefo_status cefo_report_write(const cefo_result *const *results,
                                       const char *const *labels, size_t n, FILE *fp,
                                       cefo_error *err);

/*
 * One CSV cell holding `text` as every CSV writer of cefo writes it (docs/results.md): text a
 * spreadsheet would run as a formula (beginning with = + - @ TAB or CR, and not a plain
 * number) gets a leading ', and a cell with a comma, a double quote or a line break is quoted.
 * Writes at most `size` bytes with the final NUL into `buf` (nothing when size is 0) and
 * returns the length of the whole cell, as snprintf does: a result >= size means it was cut.
 */
CEFO_API size_t cefo_csv_cell(char *buf, size_t size, const char *text);

/*
 * One CSV line summarising a result: `prefix` (CSV fields already joined, may be NULL), then
 * status, objective, the cost terms, each pollutant's emission, waste_reused, reuse_rate,
 * virgin_import and the MIP gap. With header = 1, writes the header line instead, after
 * `prefix` (e.g. "point,value"). Same statuses as cefo_result_write.
 */
CEFO_API cefo_status cefo_result_write_summary(const cefo_result *res, FILE *fp,
                                               const char *prefix, int header, cefo_error *err);

/* The header line (after `header_prefix`) and the summary line (after `prefix`) into `path`,
 * atomically: a sweep point's file is either complete or absent. */
CEFO_API cefo_status cefo_result_write_summary_file(const cefo_result *res, const char *path,
                                                    const char *header_prefix,
                                                    const char *prefix, cefo_error *err);

/*
 * Writes results side by side (docs/whatif.md): for each, its label, status, objective, cost
 * terms, emissions against caps and indicators; for each after the first, the processes and
 * links whose activity or flow changed most against the first (matched by id). The results
 * may come from different networks. Same statuses as cefo_result_write(_file).
 */
CEFO_API cefo_status cefo_results_compare(const cefo_result *const *results,
                                          const char *const *labels, size_t n, FILE *fp,
                                          cefo_format format, cefo_error *err);
CEFO_API cefo_status cefo_results_compare_file(const cefo_result *const *results,
                                               const char *const *labels, size_t n,
                                               const char *path, cefo_format format,
                                               cefo_error *err);

#ifdef __cplusplus
}
#endif

#endif /* CEFO_CEFO_H */
