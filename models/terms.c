/* terms.c - the one table of the objective's cost terms and the one table of the spec's
 * indicators that every writer reads; the indicators by unit (known mass units to t, volume
 * units to m3, amounts in different units never added). */
#include <math.h>
#include <string.h>

#include "core/abi.h"
#include "core/alloc.h"
#include "core/error.h"
#include "models/result.h"

/* Every term of the objective, in the writers' order: its JSON key, its name for people and
 * its column in a summary line ("total" has none: the objective stands there). */
static const struct {
    const char *key;
    const char *label;
    const char *column;
} cost_terms[] = {
    {"process", "processes", "cost_process"},
    {"link", "links", "cost_link"},
    {"import", "imports", "cost_import"},
    {"discharge", "discharges", "cost_discharge"},
    {"pollution", "pollution damage", "cost_pollution"},
    {"export_revenue", "export revenue (-)", "export_revenue"},
    {"fixed", "fixed costs", "cost_fixed"},
    {"resource", "resource prices", "cost_resource"},
    {"investment", "investments", "cost_investment"},
    {"total", "total", NULL},
};
#define NCOST (sizeof cost_terms / sizeof *cost_terms)
#define RESOURCE_TERM 7
#define INVESTMENT_TERM 8

/* Whether term i is listed: resources only where there are some, investments only in plans
 * over several periods. */
static int listed(const cefo_result *r, size_t i)
{
    return (i != RESOURCE_TERM || r->net->nresources) && (i != INVESTMENT_TERM || r->periodic);
}

size_t cefo__cost_count(const cefo_result *r)
{
    size_t n = 0;
    for (size_t i = 0; i < NCOST; i++)
        n += listed(r, i);
    return n;
}

void cefo__cost_term(const cefo_result *r, size_t i, const char **key, const char **label,
                     double *value)
{
    for (size_t k = 0; k <= i && k < NCOST; k++)
        if (!listed(r, k))
            i++;
    const cefo_costs *c = &r->costs;
    const double v[NCOST] = {c->process,       c->link,           c->import,
                             c->discharge,     c->pollution,      c->export_revenue,
                             c->fixed,         r->cost_resource,  r->cost_investment,
                             c->total};
    *key = cost_terms[i].key;
    *label = cost_terms[i].label;
    *value = v[i];
}

const char *cefo__cost_column(const cefo_result *r, size_t i)
{
    const char *key, *label;
    double v;
    cefo__cost_term(r, i, &key, &label, &v);
    for (size_t k = 0; k < NCOST; k++)
        if (cost_terms[k].key == key)
            return cost_terms[k].column;
    return NULL;
}

size_t cefo_result_cost_count(const cefo_result *res)
{
    return res ? cefo__cost_count(res) : 0;
}

static cefo_status result_cost_term(const cefo_result *res, size_t i, cefo_cost_term *out)
{
    if (!res || !out || i >= cefo__cost_count(res))
        return CEFO_ERR_ARG;
    cefo__cost_term(res, i, &out->key, &out->label, &out->value);
    out->column = cefo__cost_column(res, i);
    return CEFO_OK;
}

CEFO__ABI_INDEXED(cefo_result_cost_term, result_cost_term, cefo_result, cefo_cost_term, value)

/* Units converted before adding (spec section 1): to t, or to m3. A unit is divided by `div`
 * or multiplied by `mul`; dividing by an exact power of ten keeps 500 kg = 0.5 t exact. */
static const struct {
    const char *unit, *to;
    double mul, div;
} conversions[] = {
    {"g", "t", 1, 1e6},     {"kg", "t", 1, 1e3},   {"t", "t", 1, 1},
    {"kt", "t", 1e3, 1},    {"Mt", "t", 1e6, 1},   {"L", "m3", 1, 1e3},
    {"m3", "m3", 1, 1},     {"ML", "m3", 1e3, 1},
};
#define NCONV (sizeof conversions / sizeof *conversions)

const char *cefo__unit_canonical(const char *unit, double amount, double *converted)
{
    for (size_t i = 0; i < NCONV; i++)
        if (strcmp(unit, conversions[i].unit) == 0) {
            *converted = conversions[i].div != 1 ? amount / conversions[i].div
                                                 : amount * conversions[i].mul;
            return conversions[i].to;
        }
    *converted = amount;
    return unit;
}

/* The indicators, in the order every writer shows them (spec section 1). */
static const struct {
    const char *key, *label;
    cefo_indicator_kind kind;
    int over;   /* the materials whose units it is given in: wastes, importable, none */
} table[] = {
    {"waste_generated", "waste generated", CEFO_INDICATOR_AMOUNT, 1},
    {"waste_reused", "waste reused", CEFO_INDICATOR_AMOUNT, 1},
    {"waste_treated", "waste treated", CEFO_INDICATOR_AMOUNT, 1},
    {"waste_disposed", "waste disposed", CEFO_INDICATOR_AMOUNT, 1},
    {"reuse_rate", "reuse rate", CEFO_INDICATOR_RATE, 1},
    {"virgin_import", "virgin import", CEFO_INDICATOR_AMOUNT, 2},
    {"labour", "labour", CEFO_INDICATOR_TOTAL, 0},
};
#define NIND (sizeof table / sizeof *table)
enum { GEN, REUSED, TREATED, DISPOSED, RATE, IMPORT, LABOUR };
#define OVER_WASTE 1
#define OVER_IMPORT 2

size_t cefo_indicator_count(void)
{
    return NIND;
}

cefo_status cefo_indicator_info(size_t i, const char **key, const char **label,
                                cefo_indicator_kind *kind)
{
    if (i >= NIND)
        return CEFO_ERR_ARG;
    if (key)
        *key = table[i].key;
    if (label)
        *label = table[i].label;
    if (kind)
        *kind = table[i].kind;
    return CEFO_OK;
}

/* Whether material m is given in indicator i's units (a waste; one that may be imported). */
static int counts_in(const cefo__material *m, int over)
{
    return (over == OVER_WASTE && m->kind == CEFO__WASTE)
           || (over == OVER_IMPORT && !isnan(m->import_cost));
}

/* Amount of indicator i (not the rate) of material m, in its own unit. */
static double amount_of(const cefo_result *r, size_t i, size_t m)
{
    size_t nm = r->net->nmaterials;
    return i == IMPORT ? r->import[m] : r->waste[i * nm + m];
}

/* The sum over the materials given in `unit` (canonical) of indicator i, converted. */
static double sum_in(const cefo_result *r, size_t i, const char *unit)
{
    const cefo_network *net = r->net;
    double sum = 0;
    for (size_t m = 0; m < net->nmaterials; m++) {
        double v;
        if (!counts_in(&net->materials[m], table[i].over))
            continue;
        if (strcmp(cefo__unit_canonical(net->materials[m].unit, amount_of(r, i, m), &v), unit))
            continue;
        sum += v;
    }
    return sum;
}

static double row_value(const cefo_result *r, size_t i, const char *unit)
{
    if (table[i].kind == CEFO_INDICATOR_TOTAL)
        return r->indicators.labour;
    if (table[i].kind == CEFO_INDICATOR_RATE) {
        double gen = sum_in(r, GEN, unit);
        return gen > 0 ? sum_in(r, REUSED, unit) / gen : isnan(gen) ? gen : NAN;
    }
    return sum_in(r, i, unit);
}

/* Appends (i, unit) unless the unit is already listed for indicator i. */
static void add_row(cefo_result *r, size_t i, const char *unit)
{
    for (size_t k = 0; k < r->nind; k++)
        if (r->ind[k].indicator == i && unit && strcmp(r->ind[k].unit, unit) == 0)
            return;
    r->ind[r->nind++] = (cefo__ind_row){i, unit, row_value(r, i, unit)};
}

cefo_status cefo__indicators(cefo_result *r, cefo_error *err)
{
    const cefo_network *net = r->net;
    cefo__free(r->ind);
    r->nind = 0;
    r->ind = cefo__calloc(NIND * (net->nmaterials + 1), sizeof *r->ind);
    if (!r->ind)
        return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    for (size_t i = 0; i < NIND; i++) {
        if (table[i].kind == CEFO_INDICATOR_TOTAL) {
            r->ind[r->nind++] = (cefo__ind_row){i, NULL, row_value(r, i, NULL)};
            continue;
        }
        for (size_t m = 0; m < net->nmaterials; m++) { /* units in order of first use */
            double v;
            if (counts_in(&net->materials[m], table[i].over))
                add_row(r, i, cefo__unit_canonical(net->materials[m].unit, 0, &v));
        }
    }
    return CEFO_OK;
}

size_t cefo_result_indicator_count(const cefo_result *res)
{
    return res ? res->nind : 0;
}

static cefo_status indicator_row(const cefo_result *res, size_t i, cefo_indicator_row *row)
{
    if (!res || i >= res->nind)
        return CEFO_ERR_ARG;
    const cefo__ind_row *k = &res->ind[i];
    *row = (cefo_indicator_row){table[k->indicator].key, table[k->indicator].label,
                                table[k->indicator].kind, k->unit, k->value};
    return CEFO_OK;
}

CEFO__ABI_INDEXED(cefo_result_indicator, indicator_row, cefo_result, cefo_indicator_row, value)

double cefo_result_indicator_value(const cefo_result *res, const char *key, const char *unit)
{
    for (size_t i = 0; res && key && i < res->nind; i++) {
        const cefo__ind_row *k = &res->ind[i];
        if (strcmp(table[k->indicator].key, key) == 0
            && (k->unit ? unit && strcmp(k->unit, unit) == 0 : !unit))
            return k->value;
    }
    return NAN;
}

/* Per material, the wastes it makes, that are reused, treated and disposed (spec section 1). */
void cefo__waste_amounts(cefo_result *r)
{
    const cefo_network *net = r->net;
    size_t nm = net->nmaterials;
    double *gen = r->waste, *reused = gen + nm, *treated = reused + nm, *disposed = treated + nm;
    memset(r->waste, 0, 4 * nm * sizeof *r->waste);
    for (size_t p = 0; p < net->nprocesses; p++) {
        const cefo__process *pr = &net->processes[p];
        double x = r->activity[p];
        for (size_t t = 0; t < pr->outputs.n; t++)
            gen[pr->outputs.v[t].item] += pr->outputs.v[t].amount * x;
        for (size_t t = 0; t < pr->inputs.n; t++) {
            size_t m = pr->inputs.v[t].item;
            double *to = pr->kind == CEFO__TREATMENT  ? treated
                         : pr->kind == CEFO__DISPOSAL ? disposed
                                                      : reused;
            to[m] += pr->inputs.v[t].amount * x;
        }
    }
    for (size_t m = 0; m < nm; m++) {
        disposed[m] += r->discharge[m];
        if (net->materials[m].kind != CEFO__WASTE)
            gen[m] = reused[m] = treated[m] = disposed[m] = 0;
    }
}
