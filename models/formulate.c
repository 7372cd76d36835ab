/* formulate.c - builds the LP: balances of pooled and linked materials, emissions, costs. */
#include "models/formulate.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"

/*
 * With periods, the same code formulates every period: `net` is the network as it stands in
 * period t (its view), `par` that period's block of parameters, `mp` that period's block of
 * the map, and every running cost is weighted by `scale` (years x discount). The links
 * between periods (builds, irreversible orders, totals) come after all periods.
 */
typedef struct builder {
    const cefo_network *net;
    const cefo_network *base; /* the whole network (net itself without periods) */
    const cefo__params *par;  /* NULL: the network's own values */
    cefo__formulation *f;
    cefo__formulation mp;     /* period t's block of the map */
    size_t t;
    double scale;
    int first_col;            /* period t's first column */
    size_t cap_cols, cap_obj, cap_col_lb, cap_col_ub, cap_binary;
    size_t cap_rows, cap_row_lb, cap_row_ub;
    int oom;
    /* Linked materials: the consumer / producer row of each process input / output term. */
    int **in_row;
    int **out_row;
} builder;

static double capacity_of(const builder *b, size_t p)
{
    return b->par ? b->par->capacity[p] : b->net->processes[p].capacity;
}

static double demand_of(const builder *b, size_t m)
{
    return b->par ? b->par->demand[m] : b->net->materials[m].demand;
}

/* A column whose cost is already in present value (an investment). */
static int add_col_raw(builder *b, cefo__var_kind kind, size_t item, size_t proc, double lb,
                       double ub, double cost)
{
    cefo__formulation *f = b->f;
    size_t n = (size_t)f->ncols + 1;
    if (b->oom || f->ncols == INT_MAX
        || cefo__grow((void **)&f->cols, &b->cap_cols, n, sizeof *f->cols)
        || cefo__grow((void **)&f->obj, &b->cap_obj, n, sizeof *f->obj)
        || cefo__grow((void **)&f->col_lb, &b->cap_col_lb, n, sizeof *f->col_lb)
        || cefo__grow((void **)&f->col_ub, &b->cap_col_ub, n, sizeof *f->col_ub)
        || cefo__grow((void **)&f->col_binary, &b->cap_binary, n, sizeof *f->col_binary)) {
        b->oom = 1;
        return -1;
    }
    int j = f->ncols++;
    f->col_binary[j] = 0;
    f->cols[j] = (cefo__slot){kind, item, proc, b->t};
    f->obj[j] = cost;
    f->col_lb[j] = lb;
    f->col_ub[j] = ub;
    return j;
}

/* A column of period t: its running cost weighted by the period's years and discount. */
static int add_col(builder *b, cefo__var_kind kind, size_t item, size_t proc, double lb,
                   double ub, double cost)
{
    return add_col_raw(b, kind, item, proc, lb, ub, cost * b->scale);
}

static int add_row(builder *b, cefo__row_kind kind, size_t item, size_t proc, double lb,
                   double ub)
{
    cefo__formulation *f = b->f;
    size_t n = (size_t)f->nrows + 1;
    if (b->oom || f->nrows == INT_MAX
        || cefo__grow((void **)&f->rows, &b->cap_rows, n, sizeof *f->rows)
        || cefo__grow((void **)&f->row_lb, &b->cap_row_lb, n, sizeof *f->row_lb)
        || cefo__grow((void **)&f->row_ub, &b->cap_row_ub, n, sizeof *f->row_ub)) {
        b->oom = 1;
        return -1;
    }
    int i = f->nrows++;
    f->rows[i] = (cefo__slot){(cefo__var_kind)kind, item, proc, b->t};
    f->row_lb[i] = lb;
    f->row_ub[i] = ub;
    return i;
}

static int mark_binary(builder *b, int j)
{
    if (j >= 0) {
        b->f->col_binary[j] = 1;
        b->f->nbinary++;
    }
    return j;
}

static int add_binary(builder *b, cefo__var_kind kind, size_t item, double fixed_cost)
{
    int j = add_col(b, kind, item, CEFO__NONE, 0, 1, fixed_cost);
    if (j >= 0) {
        b->f->col_binary[j] = 1;
        b->f->nbinary++;
    }
    return j;
}

/* Entry (i, j) of the matrix; a zero is left out unless `keep`: an entry that in-place
 * updates may set later (a decision's capacity) must exist even while it is 0. */
static void put_entry(builder *b, int i, int j, double v, int keep)
{
    if (b->oom || i < 0 || j < 0 || (v == 0.0 && !keep))
        return;
    if (cefo__triplet_push(&b->f->a, i, j, v) != 0)
        b->oom = 1;
}

static void put(builder *b, int i, int j, double v)
{
    put_entry(b, i, j, v, 0);
}

/*
 * The cluster-level columns of a material's balance row: import, export and discharge, each
 * only where the material allows it. A linked material's import limit is a row of its own
 * (limit_row) because its consumers import too; a pooled one's is the column's bound.
 */
static void cluster_columns(builder *b, size_t m, int row, int limit_row, int with_discharge)
{
    const cefo__material *mat = &b->net->materials[m];
    if (!isnan(mat->import_cost)) {
        double ub = limit_row < 0 ? mat->import_limit : INFINITY;
        int j = add_col(b, CEFO__VAR_IMPORT, m, CEFO__NONE, 0, ub, mat->import_cost);
        put(b, row, j, 1.0);
        put(b, limit_row, j, 1.0);
    }
    if (!isnan(mat->export_price))
        put(b, row, add_col(b, CEFO__VAR_EXPORT, m, CEFO__NONE, 0, INFINITY, -mat->export_price),
            -1.0);
    if (with_discharge && !isnan(mat->discharge_cost))
        put(b, row, add_col(b, CEFO__VAR_DISCHARGE, m, CEFO__NONE, 0, INFINITY,
                            mat->discharge_cost), -1.0);
}

static void pooled_balance(builder *b, size_t m)
{
    const cefo_network *net = b->net;
    int row = add_row(b, CEFO__ROW_BALANCE, m, CEFO__NONE, demand_of(b, m), demand_of(b, m));
    b->mp.demand_row[m] = row;
    for (size_t u = net->user_start[m]; u < net->user_start[m + 1]; u++) {
        size_t p = net->users[u];
        const cefo__process *pr = &net->processes[p];
        /* A process may both consume and produce m (water, catalysts): one net coefficient. */
        double net_out = cefo__terms_amount(&pr->outputs, m) - cefo__terms_amount(&pr->inputs, m);
        put(b, row, b->mp.activity_col[p], net_out);
    }
    cluster_columns(b, m, row, -1, 1);
}

static void linked_balance(builder *b, size_t m)
{
    const cefo_network *net = b->net;
    const cefo__material *mat = &net->materials[m];
    int limit_row = -1;
    if (!isnan(mat->import_cost) && !isinf(mat->import_limit))
        limit_row = add_row(b, CEFO__ROW_IMPORT_LIMIT, m, CEFO__NONE, -INFINITY,
                            mat->import_limit);
    int market = add_row(b, CEFO__ROW_MARKET, m, CEFO__NONE, demand_of(b, m), demand_of(b, m));
    b->mp.demand_row[m] = market;
    for (size_t u = net->user_start[m]; u < net->user_start[m + 1]; u++) {
        size_t p = net->users[u];
        const cefo__process *pr = &net->processes[p];
        int xcol = b->mp.activity_col[p];
        for (size_t t = 0; t < pr->inputs.n; t++) {
            if (pr->inputs.v[t].item != m)
                continue;
            int row = add_row(b, CEFO__ROW_CONSUMER, m, p, 0, 0);
            b->in_row[p][t] = row;
            put(b, row, xcol, pr->inputs.v[t].amount);
            if (!isnan(mat->import_cost)) {
                int j = add_col(b, CEFO__VAR_IMPORT, m, p, 0, INFINITY, mat->import_cost);
                put(b, row, j, -1.0);
                put(b, limit_row, j, 1.0);
            }
        }
        for (size_t t = 0; t < pr->outputs.n; t++) {
            if (pr->outputs.v[t].item != m)
                continue;
            int row = add_row(b, CEFO__ROW_PRODUCER, m, p, 0, 0);
            b->out_row[p][t] = row;
            put(b, row, xcol, pr->outputs.v[t].amount);
            int sale = add_col(b, CEFO__VAR_SALE, m, p, 0, INFINITY, 0.0);
            put(b, row, sale, -1.0);
            put(b, market, sale, 1.0);
            if (!isnan(mat->discharge_cost))
                put(b, row, add_col(b, CEFO__VAR_DISCHARGE, m, p, 0, INFINITY,
                                    mat->discharge_cost), -1.0);
        }
    }
    cluster_columns(b, m, market, limit_row, 0);
}

static int term_row(int **rows, const cefo__terms *t, size_t p, size_t m)
{
    size_t k = cefo__terms_find(t, m);
    return k == CEFO__NO_TERM ? -1 : rows[p][k];
}

static void link_flows(builder *b)
{
    const cefo_network *net = b->net;
    for (size_t l = 0; l < net->nlinks; l++) {
        const cefo__link *ln = &net->links[l];
        int j = b->mp.flow_col[l] = add_col(b, CEFO__VAR_FLOW, l, CEFO__NONE, 0, ln->capacity,
                                            ln->cost);
        b->mp.link_build_col[l] = b->mp.link_cap_row[l] = -1;
        if (ln->optional) { /* flow only over a built link: f - cap y <= 0 */
            int y = add_binary(b, CEFO__VAR_LINK_BUILD, l, ln->fixed_cost);
            int row = add_row(b, CEFO__ROW_SWITCH, l, CEFO__NONE, -INFINITY, 0);
            put(b, row, j, 1.0);
            put(b, row, y, -ln->capacity);
            b->mp.link_build_col[l] = y;
            b->mp.link_cap_row[l] = row;
        }
        put(b, term_row(b->out_row, &net->processes[ln->from].outputs, ln->from, ln->material), j,
            -1.0);
        put(b, term_row(b->in_row, &net->processes[ln->to].inputs, ln->to, ln->material), j, -1.0);
    }
}

/* E_k = sum_p em[p,k] x_p + sum_m em_discharge[m,k] * discharge_m, with E_k <= cap_k. */
static void emissions(builder *b)
{
    const cefo_network *net = b->net;
    cefo__formulation *f = b->f, *mp = &b->mp;
    int first_row = f->nrows;
    for (size_t k = 0; k < net->npollutants; k++) {
        int row = add_row(b, CEFO__ROW_EMISSION, k, CEFO__NONE, 0, 0);
        mp->emission_col[k] = add_col(b, CEFO__VAR_EMISSION, k, CEFO__NONE, 0,
                                      b->par ? b->par->cap[k] : net->pollutants[k].cap,
                                      b->par ? b->par->damage[k] : net->pollutants[k].damage_cost);
        put(b, row, mp->emission_col[k], -1.0);
    }
    for (size_t p = 0; p < net->nprocesses; p++) {
        const cefo__terms *em = &net->processes[p].emissions;
        for (size_t t = 0; t < em->n; t++)
            put(b, first_row + (int)em->v[t].item, mp->activity_col[p], em->v[t].amount);
    }
    for (int j = b->first_col; j < f->ncols; j++) {
        if (f->cols[j].kind != CEFO__VAR_DISCHARGE)
            continue;
        const cefo__terms *em = &net->materials[f->cols[j].item].emissions;
        for (size_t t = 0; t < em->n; t++)
            put(b, first_row + (int)em->v[t].item, j, em->v[t].amount);
    }
}

double cefo__resource_constant(const cefo_network *net, size_t r, const double *capacity)
{
    double c = 0;
    for (size_t p = 0; p < net->nprocesses; p++)
        if (!cefo__process_is_decision(&net->processes[p]))
            c += cefo__resource_coef(net, r, p, 1, capacity ? capacity[p]
                                                             : net->processes[p].capacity);
    return c;
}

/*
 * Side constraints, one row per resource: sum of its uses - U_r = -constant, with
 * min <= U_r <= max on the column U_r and its price as U_r's objective coefficient, so that
 * min, max and price are bounds and a cost of one column (updated in place, and U_r's reduced
 * cost is the shadow price of the binding side, as for a pollutant cap).
 */
static void resources(builder *b)
{
    const cefo_network *net = b->net;
    cefo__formulation *f = &b->mp;
    for (size_t r = 0; r < net->nresources && !b->oom; r++) {
        const cefo__resource *res = &net->resources[r];
        double c = cefo__resource_constant(net, r, b->par ? b->par->capacity : NULL);
        /* A total-scope resource is bounded over the programme (its total column), not in
         * any one period. */
        int whole = res->total;
        int row = f->use_row[r] = add_row(b, CEFO__ROW_RESOURCE, r, CEFO__NONE, -c, -c);
        int u = f->use_col[r] = add_col(b, CEFO__VAR_USE, r, CEFO__NONE,
                                        whole ? -INFINITY : b->par ? b->par->res_min[r] : res->min,
                                        whole ? INFINITY : b->par ? b->par->res_max[r] : res->max,
                                        b->par ? b->par->res_price[r] : res->price);
        put(b, row, u, -1.0);
        int continuous = 0;
        for (size_t p = 0; p < net->nprocesses; p++) {
            double a = cefo__resource_coef(net, r, p, 0, 0);
            continuous |= a != 0;
            put(b, row, f->activity_col[p], a);
            if (f->build_col[p] >= 0)
                put(b, row, f->build_col[p],
                    cefo__resource_coef(net, r, p, 1, capacity_of(b, p)));
        }
        for (size_t l = 0; l < net->nlinks; l++) {
            continuous |= cefo__link_use(&net->links[l], r, 0) != 0;
            put(b, row, f->flow_col[l], cefo__link_use(&net->links[l], r, 0));
            put(b, row, f->link_build_col[l], cefo__link_use(&net->links[l], r, 1));
        }
        f->use_on_decisions_only[r] = !continuous;
    }
}

/*
 * Build/keep decisions: a process that is optional or a group member runs only when its 0/1
 * column y is 1, with min y <= x <= capacity y (its min applies only when it runs); it pays
 * its fixed cost through y; at most one member of a group runs.
 */
static void decisions(builder *b)
{
    const cefo_network *net = b->net;
    cefo__formulation *f = &b->mp;
    for (size_t p = 0; p < net->nprocesses; p++) {
        const cefo__process *pr = &net->processes[p];
        f->build_col[p] = f->cap_row[p] = f->min_row[p] = -1;
        if (!cefo__process_is_decision(pr))
            continue;
        int x = f->activity_col[p];
        b->f->col_lb[x] = 0.0;
        int y = f->build_col[p] = add_binary(b, CEFO__VAR_BUILD, p, pr->fixed_cost);
        int row = f->cap_row[p] = add_row(b, CEFO__ROW_SWITCH, p, CEFO__NONE, -INFINITY, 0);
        put(b, row, x, 1.0);
        put_entry(b, row, y, -capacity_of(b, p), 1);
        if (pr->min > 0) {
            row = f->min_row[p] = add_row(b, CEFO__ROW_SWITCH, p, CEFO__NONE, 0, INFINITY);
            put(b, row, x, 1.0);
            put(b, row, y, -pr->min);
        }
    }
    /* At most one variant of each group runs: the group rows, then one pass over processes. */
    int first = b->f->nrows;
    for (size_t g = 0; g < net->ngroups; g++)
        f->group_row[g] = add_row(b, CEFO__ROW_GROUP, g, CEFO__NONE, -INFINITY, 1);
    for (size_t p = 0; p < net->nprocesses && !b->oom; p++)
        if (net->processes[p].group)
            put(b, first + (int)net->processes[p].group_index, f->build_col[p], 1.0);
}

static int alloc_term_rows(builder *b, const cefo_network *net)
{
    b->in_row = cefo__calloc(net->nprocesses, sizeof *b->in_row);
    b->out_row = cefo__calloc(net->nprocesses, sizeof *b->out_row);
    if (!b->in_row || !b->out_row)
        return -1;
    for (size_t p = 0; p < net->nprocesses; p++) {
        b->in_row[p] = cefo__calloc(net->processes[p].inputs.n, sizeof(int));
        b->out_row[p] = cefo__calloc(net->processes[p].outputs.n, sizeof(int));
        if (!b->in_row[p] || !b->out_row[p])
            return -1;
    }
    return 0;
}

static void free_term_rows(builder *b, const cefo_network *net)
{
    for (size_t p = 0; b->in_row && p < net->nprocesses; p++)
        cefo__free(b->in_row[p]);
    for (size_t p = 0; b->out_row && p < net->nprocesses; p++)
        cefo__free(b->out_row[p]);
    cefo__free(b->in_row);
    cefo__free(b->out_row);
}

/* Violating a limit costs a little more than a shortfall, so that when either would do the
 * diagnosis says "demand short by N" rather than "capacity must rise by N". */
#define SHORT_PRICE 1.0
#define LIMIT_PRICE 1.001

/* Moves a column's upper bound into a row with a priced slack: x - extra <= ub. */
static void elastic_upper(builder *b, int j, cefo__var_kind kind, size_t item, int switch_row)
{
    cefo__formulation *f = b->f;
    double ub = f->col_ub[j];
    if (isinf(ub))
        return;
    f->col_ub[j] = INFINITY;
    int extra = add_col(b, kind, item, CEFO__NONE, 0, INFINITY, LIMIT_PRICE);
    if (switch_row >= 0) { /* x - cap y - extra <= 0 */
        put(b, switch_row, extra, -1.0);
        return;
    }
    int row = add_row(b, CEFO__ROW_ELASTIC, item, CEFO__NONE, -INFINITY, ub);
    put(b, row, j, 1.0);
    put(b, row, extra, -1.0);
}

/* Moves a column's lower bound into a row with a priced slack: x + under >= lb. */
static void elastic_lower(builder *b, int j, cefo__var_kind kind, size_t item)
{
    cefo__formulation *f = b->f;
    double lb = f->col_lb[j];
    if (isinf(lb))
        return;
    f->col_lb[j] = -INFINITY;
    int under = add_col(b, kind, item, CEFO__NONE, 0, INFINITY, LIMIT_PRICE);
    int row = add_row(b, CEFO__ROW_ELASTIC, item, CEFO__NONE, lb, INFINITY);
    put(b, row, j, 1.0);
    put(b, row, under, 1.0);
}

/*
 * The elastic model: nothing costs anything but violations. Balances may be short (supply
 * from nowhere) or in surplus, capacities and link capacities exceeded, minimum levels
 * missed, caps exceeded; the least total violation says what must move and by how much.
 */
static void make_elastic(builder *b)
{
    const cefo_network *net = b->base;
    cefo__formulation *f = b->f;
    int nrows = f->nrows, ncols = f->ncols;
    for (int j = 0; j < ncols; j++)
        f->obj[j] = 0.0;
    for (int i = 0; i < nrows; i++) {
        cefo__slot r = f->rows[i];
        cefo__row_kind kind = (cefo__row_kind)r.kind;
        b->t = r.period;
        if (kind == CEFO__ROW_BALANCE || kind == CEFO__ROW_MARKET || kind == CEFO__ROW_CONSUMER)
            put(b, i, add_col(b, CEFO__VAR_SHORT, r.item, r.proc, 0, INFINITY, SHORT_PRICE), 1.0);
        if (kind == CEFO__ROW_BALANCE || kind == CEFO__ROW_MARKET)
            put(b, i, add_col(b, CEFO__VAR_SURPLUS, r.item, CEFO__NONE, 0, INFINITY, SHORT_PRICE),
                -1.0);
        if (kind == CEFO__ROW_EMISSION)
            put(b, i, add_col(b, CEFO__VAR_EXCESS, r.item, CEFO__NONE, 0, INFINITY, LIMIT_PRICE),
                -1.0);
    }
    for (size_t t = 0; t < f->nperiods; t++) {
        cefo__formulation mp = cefo__map_at(f, net, t);
        b->t = t;
        for (size_t p = 0; p < net->nprocesses; p++) {
            int x = mp.activity_col[p];
            if (mp.min_row[p] >= 0) /* x - min y + lack >= 0 */
                put(b, mp.min_row[p],
                    add_col(b, CEFO__VAR_LACK, p, CEFO__NONE, 0, INFINITY, LIMIT_PRICE), 1.0);
            elastic_upper(b, x, CEFO__VAR_EXTRA_CAPACITY, p, mp.cap_row[p]);
            if (f->col_lb[x] > 0) { /* x + lack >= min */
                double min = f->col_lb[x];
                f->col_lb[x] = 0;
                int lack = add_col(b, CEFO__VAR_LACK, p, CEFO__NONE, 0, INFINITY, LIMIT_PRICE);
                int row = add_row(b, CEFO__ROW_ELASTIC, p, CEFO__NONE, min, INFINITY);
                put(b, row, x, 1.0);
                put(b, row, lack, 1.0);
            }
        }
        for (size_t l = 0; l < net->nlinks; l++)
            elastic_upper(b, mp.flow_col[l], CEFO__VAR_LINK_EXTRA, l, mp.link_cap_row[l]);
        for (size_t r = 0; r < net->nresources; r++) {
            elastic_upper(b, mp.use_col[r], CEFO__VAR_RES_OVER, r, -1);
            elastic_lower(b, mp.use_col[r], CEFO__VAR_RES_UNDER, r);
        }
    }
    b->t = 0;
    for (size_t r = 0; f->total_col && r < net->nresources; r++)
        if (f->total_col[r] >= 0) {
            elastic_upper(b, f->total_col[r], CEFO__VAR_RES_OVER, r, -1);
            elastic_lower(b, f->total_col[r], CEFO__VAR_RES_UNDER, r);
        }
}

/* The single-period model of period b->t: the balances, decisions, emissions and resources
 * of the network as it stands then. */
static void formulate_period(builder *b)
{
    const cefo_network *net = b->net;
    b->first_col = b->f->ncols;
    for (size_t p = 0; p < net->nprocesses && !b->oom; p++) {
        const cefo__process *pr = &net->processes[p];
        b->mp.activity_col[p] = add_col(b, CEFO__VAR_ACTIVITY, p, CEFO__NONE, pr->min,
                                        capacity_of(b, p), pr->cost);
    }
    if (!b->oom)
        decisions(b);
    for (size_t m = 0; m < net->nmaterials && !b->oom; m++) {
        if (net->materials[m].linked)
            linked_balance(b, m);
        else
            pooled_balance(b, m);
    }
    if (!b->oom)
        link_flows(b);
    if (!b->oom)
        emissions(b);
    if (!b->oom)
        resources(b);
}

/* Period t's blocks: a pointer into each per-period array of the map. */
cefo__formulation cefo__map_at(const cefo__formulation *f, const cefo_network *net, size_t t)
{
    cefo__formulation m = *f;
    size_t np = t * net->nprocesses, nl = t * net->nlinks, nr = t * net->nresources;
    m.activity_col += np;
    m.build_col += np;
    m.cap_row += np;
    m.min_row += np;
    m.link_build_col += nl;
    m.link_cap_row += nl;
    m.flow_col += nl;
    m.emission_col += t * net->npollutants;
    m.demand_row += t * net->nmaterials;
    m.group_row += t * net->ngroups;
    m.use_col += nr;
    m.use_row += nr;
    m.use_on_decisions_only += nr;
    if (m.switch_col) {
        m.switch_col += np;
        m.link_switch_col += nl;
    }
    return m;
}

cefo__params cefo__params_at(const cefo__params *par, const cefo_network *net, size_t t)
{
    cefo__params q = *par;
    q.capacity += t * net->nprocesses;
    q.demand += t * net->nmaterials;
    q.damage += t * net->npollutants;
    q.cap += t * net->npollutants;
    q.res_min += t * net->nresources;
    q.res_max += t * net->nresources;
    q.res_price += t * net->nresources;
    return q;
}

/* Whether item i (a process, or a link) needs switch-on columns: an investment to pay, or
 * builds that expire. */
static int needs_builds(const cefo_network *net, int is_link, size_t i)
{
    for (size_t t = 0; t < net->nperiods; t++) {
        const cefo_network *v = net->views[t];
        double inv = is_link ? v->links[i].investment : v->processes[i].investment;
        double life = is_link ? v->links[i].lifetime : v->processes[i].lifetime;
        if (inv > 0 || isfinite(life))
            return 1;
    }
    return 0;
}

/*
 * Builds of a decision: s_t = 1 when it is built (switches on) in period t, paying the
 * investment of that period once, discounted; it may run in period t only while a build is
 * alive: y_t <= sum of s_u over the periods u <= t whose build still stands at t (fewer than
 * `lifetime` years between the starts of u and t).
 */
static void builds(builder *b, int is_link, size_t i, size_t n)
{
    const cefo_network *net = b->base;
    cefo__formulation *f = b->f;
    int *y = is_link ? f->link_build_col : f->build_col;
    int *s = is_link ? f->link_switch_col : f->switch_col;
    for (size_t t = 0; t < net->nperiods; t++)
        s[t * n + i] = -1;
    if (y[i] < 0 || !needs_builds(net, is_link, i))
        return;
    for (size_t t = 0; t < net->nperiods; t++) {
        const cefo_network *v = net->views[t];
        double inv = is_link ? v->links[i].investment : v->processes[i].investment;
        b->t = t;
        s[t * n + i] = mark_binary(b, add_col_raw(b, is_link ? CEFO__VAR_LINK_SWITCH_ON
                                                              : CEFO__VAR_SWITCH_ON,
                                                  i, CEFO__NONE, 0, 1,
                                                  inv * net->periods[t].discount));
    }
    for (size_t t = 0; t < net->nperiods; t++) {
        b->t = t;
        int row = add_row(b, is_link ? CEFO__ROW_LINK_BUILT : CEFO__ROW_BUILT, i, CEFO__NONE,
                          -INFINITY, 0);
        put(b, row, y[t * n + i], 1.0);
        for (size_t u = 0; u <= t; u++) {
            const cefo_network *v = net->views[u];
            double life = is_link ? v->links[i].lifetime : v->processes[i].lifetime;
            if (net->periods[t].start - net->periods[u].start < life)
                put(b, row, s[u * n + i], -1.0);
        }
    }
    for (size_t t = 0; !is_link && t < net->nperiods; t++)
        for (size_t r = 0; r < net->nresources; r++)
            put(b, f->use_row[t * net->nresources + r], s[t * n + i],
                cefo__resource_investment(net->views[t], r, i));
}

/*
 * Irreversible groups: the state (the stage of the variant that runs, then closed) never
 * moves back. For each stage s = 1..S, the members before s may only switch off:
 * sum_{stage(p) < s} y_p,t - y_p,t-1 <= 0 (s = S: a closed firm never reopens).
 */
static void orders(builder *b)
{
    const cefo_network *net = b->base;
    size_t T = net->nperiods, np = net->nprocesses;
    int *first = cefo__calloc(net->ngroups + 1, sizeof *first);
    if (!first) {
        b->oom = 1;
        return;
    }
    for (size_t g = 0; g < net->ngroups; g++) {
        first[g] = b->f->nrows;
        for (size_t st = 1; st <= net->group_stages[g]; st++)
            for (size_t t = 1; t < T; t++) {
                b->t = t;
                add_row(b, CEFO__ROW_ORDER, g, st, -INFINITY, 0);
            }
    }
    for (size_t p = 0; p < np && !b->oom; p++) {
        const cefo__process *pr = &net->processes[p];
        if (!pr->group || pr->stage < 0)
            continue;
        size_t g = pr->group_index;
        for (size_t st = (size_t)pr->stage + 1; st <= net->group_stages[g]; st++)
            for (size_t t = 1; t < T; t++) {
                int row = first[g] + (int)((st - 1) * (T - 1) + (t - 1));
                put(b, row, b->f->build_col[t * np + p], 1.0);
                put(b, row, b->f->build_col[(t - 1) * np + p], -1.0);
            }
    }
    cefo__free(first);
}

/* Totals over the programme: of each total-scope resource (bounded), of each pollutant
 * (years x E_t, for a frontier over the programme). */
static void totals(builder *b)
{
    const cefo_network *net = b->base;
    cefo__formulation *f = b->f;
    size_t T = net->nperiods;
    b->t = 0;
    for (size_t r = 0; r < net->nresources; r++) {
        const cefo__resource *res = &net->resources[r];
        f->total_col[r] = -1;
        if (!res->total)
            continue;
        int col = f->total_col[r] = add_col_raw(b, CEFO__VAR_TOTAL, r, CEFO__NONE,
                                                b->par ? b->par->res_min[r] : res->min,
                                                b->par ? b->par->res_max[r] : res->max, 0);
        int row = add_row(b, CEFO__ROW_TOTAL, r, CEFO__NONE, 0, 0);
        put(b, row, col, -1.0);
        for (size_t t = 0; t < T; t++)
            put(b, row, f->use_col[t * net->nresources + r], 1.0);
    }
    for (size_t k = 0; k < net->npollutants; k++) {
        int col = f->emission_total_col[k] = add_col_raw(b, CEFO__VAR_EMISSION_TOTAL, k,
                                                         CEFO__NONE, 0, INFINITY, 0);
        int row = add_row(b, CEFO__ROW_EMISSION_TOTAL, k, CEFO__NONE, 0, 0);
        put(b, row, col, -1.0);
        for (size_t t = 0; t < T; t++)
            put(b, row, f->emission_col[t * net->npollutants + k], net->periods[t].years);
    }
}

static void link_periods(builder *b)
{
    const cefo_network *net = b->base;
    for (size_t p = 0; p < net->nprocesses && !b->oom; p++)
        builds(b, 0, p, net->nprocesses);
    for (size_t l = 0; l < net->nlinks && !b->oom; l++)
        builds(b, 1, l, net->nlinks);
    if (!b->oom)
        orders(b);
    if (!b->oom)
        totals(b);
}

static int alloc_map(cefo__formulation *f, const cefo_network *net, size_t T)
{
    size_t np = T * net->nprocesses, nl = T * net->nlinks, nr = T * net->nresources;
    int **ints[] = {&f->activity_col, &f->build_col, &f->cap_row, &f->min_row,
                    &f->link_build_col, &f->link_cap_row, &f->flow_col, &f->emission_col,
                    &f->demand_row, &f->group_row, &f->use_col, &f->use_row};
    size_t sizes[] = {np, np, np, np, nl, nl, nl, T * net->npollutants, T * net->nmaterials,
                      T * net->ngroups, nr, nr};
    int bad = 0;
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
        bad |= !(*ints[i] = cefo__calloc(sizes[i] + 1, sizeof(int)));
    f->use_on_decisions_only = cefo__calloc(nr + 1, 1);
    f->scale = cefo__calloc(T, sizeof *f->scale);
    f->nperiods = T;
    bad |= !f->use_on_decisions_only || !f->scale;
    if (net->nperiods) {
        f->switch_col = cefo__calloc(np + 1, sizeof(int));
        f->link_switch_col = cefo__calloc(nl + 1, sizeof(int));
        f->total_col = cefo__calloc(net->nresources + 1, sizeof(int));
        f->emission_total_col = cefo__calloc(net->npollutants + 1, sizeof(int));
        bad |= !f->switch_col || !f->link_switch_col || !f->total_col || !f->emission_total_col;
    }
    return bad ? -1 : 0;
}

cefo_status cefo__formulate(const cefo_network *net, const cefo__params *par, int elastic,
                            cefo__formulation *f, cefo_error *err)
{
    memset(f, 0, sizeof *f);
    builder b = {.base = net, .f = f};
    size_t T = cefo__nperiods(net);
    if (alloc_map(f, net, T) != 0 || alloc_term_rows(&b, net) != 0)
        b.oom = 1;
    for (size_t t = 0; t < T && !b.oom; t++) {
        cefo__params q;
        if (par)
            q = cefo__params_at(par, net, t);
        b.t = t;
        b.net = cefo__view(net, t);
        b.par = par ? &q : NULL;
        b.mp = cefo__map_at(f, net, t);
        f->scale[t] = b.scale = net->nperiods
                                    ? net->periods[t].years * net->periods[t].discount
                                    : 1.0;
        formulate_period(&b);
    }
    b.net = net;
    b.par = par;
    if (!b.oom && net->nperiods)
        link_periods(&b);
    if (!b.oom && elastic)
        make_elastic(&b);
    free_term_rows(&b, net);
    if (b.oom) {
        int too_big = f->ncols == INT_MAX || f->nrows == INT_MAX;
        cefo__formulation_free(f);
        return too_big ? cefo__error(err, CEFO_ERR_INVALID, net->file, 0, NULL,
                                     "the network is too large for one LP")
                       : cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    }
    return CEFO_OK;
}

cefo__lp_data cefo__formulation_data(const cefo__formulation *f)
{
    return (cefo__lp_data){.nrows = f->nrows,
                           .ncols = f->ncols,
                           .obj = f->obj,
                           .col_lb = f->col_lb,
                           .col_ub = f->col_ub,
                           .row_lb = f->row_lb,
                           .row_ub = f->row_ub,
                           .a = &f->a,
                           .col_binary = f->nbinary ? f->col_binary : NULL};
}

void cefo__formulation_drop_data(cefo__formulation *f)
{
    cefo__free(f->col_lb);
    cefo__free(f->col_ub);
    cefo__free(f->row_lb);
    cefo__free(f->row_ub);
    cefo__free(f->col_binary);
    cefo__triplet_free(&f->a);
    f->col_lb = f->col_ub = f->row_lb = f->row_ub = NULL;
    f->col_binary = NULL;
}

void cefo__formulation_free(cefo__formulation *f)
{
    cefo__formulation_drop_data(f);
    cefo__free(f->obj);
    cefo__free(f->cols);
    cefo__free(f->rows);
    cefo__free(f->activity_col);
    cefo__free(f->emission_col);
    cefo__free(f->demand_row);
    cefo__free(f->build_col);
    cefo__free(f->cap_row);
    cefo__free(f->min_row);
    cefo__free(f->link_build_col);
    cefo__free(f->link_cap_row);
    cefo__free(f->flow_col);
    cefo__free(f->group_row);
    cefo__free(f->use_col);
    cefo__free(f->use_row);
    cefo__free(f->use_on_decisions_only);
    cefo__free(f->scale);
    cefo__free(f->switch_col);
    cefo__free(f->link_switch_col);
    cefo__free(f->total_col);
    cefo__free(f->emission_total_col);
    memset(f, 0, sizeof *f);
}
