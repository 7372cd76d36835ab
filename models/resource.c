/* resource.c - shared limits over activities, flows, emissions and decisions (spec section 5):
 * their uses, the coefficients they put on the LP, and their checks. */
#include <math.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "models/network.h"

cefo_status cefo__uses_add(cefo__uses *u, size_t resource, double amount, int per_decision,
                           int line)
{
    if (cefo__grow((void **)&u->v, &u->cap, u->n + 1, sizeof *u->v) != 0)
        return CEFO_ERR_NOMEM;
    u->v[u->n++] = (cefo__use){resource, amount, per_decision, line};
    return CEFO_OK;
}

cefo_status cefo__resource_add_select(cefo__resource *r, const cefo__select *s)
{
    if (cefo__grow((void **)&r->sel, &r->cap_sel, r->nsel + 1, sizeof *r->sel) != 0)
        return CEFO_ERR_NOMEM;
    r->sel[r->nsel++] = *s;
    return CEFO_OK;
}

static int same(const char *want, const char *have)
{
    return !want || (have && strcmp(want, have) == 0);
}

int cefo__select_matches(const cefo__select *s, const cefo__process *p)
{
    return same(s->sector, p->sector) && same(s->zone, p->zone) && same(s->group, p->group)
           && same(s->variant, p->variant) && same(s->kind, cefo__process_kind_name(p->kind));
}

/* What one selected term counts per unit of p's activity, or of its decision. */
static double select_coef(const cefo__select *s, const cefo__process *p, int on_decision,
                          double capacity)
{
    switch (s->of) {
    case CEFO__OF_ACTIVITY: return on_decision ? 0 : 1;
    case CEFO__OF_LABOUR: return on_decision ? 0 : p->labour;
    case CEFO__OF_EMISSION: return on_decision ? 0 : cefo__terms_amount(&p->emissions, s->ref);
    case CEFO__OF_INPUT: return on_decision ? 0 : cefo__terms_amount(&p->inputs, s->ref);
    case CEFO__OF_OUTPUT: return on_decision ? 0 : cefo__terms_amount(&p->outputs, s->ref);
    case CEFO__OF_CAPACITY: return on_decision ? capacity : 0;
    case CEFO__OF_FIXED_COST: return on_decision ? p->fixed_cost : 0;
    case CEFO__OF_INVESTMENT: return 0; /* on the switch-on column: cefo__resource_investment */
    }
    return 0;
}

double cefo__resource_coef(const cefo_network *net, size_t r, size_t p, int on_decision,
                           double capacity)
{
    const cefo__process *pr = &net->processes[p];
    const cefo__resource *res = &net->resources[r];
    double c = 0;
    for (size_t u = 0; u < pr->uses.n; u++)
        if (pr->uses.v[u].resource == r && pr->uses.v[u].per_decision == on_decision)
            c += pr->uses.v[u].amount;
    for (size_t t = 0; t < res->nsel; t++)
        if (cefo__select_matches(&res->sel[t], pr))
            c += res->sel[t].amount * select_coef(&res->sel[t], pr, on_decision, capacity);
    return c;
}

double cefo__resource_investment(const cefo_network *net, size_t r, size_t p)
{
    const cefo__process *pr = &net->processes[p];
    const cefo__resource *res = &net->resources[r];
    double c = 0;
    for (size_t t = 0; t < res->nsel; t++)
        if (res->sel[t].of == CEFO__OF_INVESTMENT && cefo__select_matches(&res->sel[t], pr))
            c += res->sel[t].amount * pr->investment;
    return c;
}

double cefo__link_use(const cefo__link *l, size_t r, int on_decision)
{
    double c = 0;
    for (size_t u = 0; u < l->uses.n; u++)
        if (l->uses.v[u].resource == r && l->uses.v[u].per_decision == on_decision)
            c += l->uses.v[u].amount;
    return c;
}

static cefo_status check_uses(const cefo_network *net, const cefo__uses *u, int decision,
                              const char *what, const char *id, cefo_error *err)
{
    for (size_t i = 0; i < u->n; i++)
        if (u->v[i].per_decision && !decision)
            return cefo__error(err, CEFO_ERR_INVALID, net->file, u->v[i].line, "use",
                               "%s%s uses '%s' per=\"decision\" but is no decision (make it "
                               "optional or a group member, or use per=\"unit\")",
                               what, id, net->resources[u->v[i].resource].id);
    return CEFO_OK;
}

/* A term must reach at least one process; a capacity term only processes with a capacity. */
static cefo_status check_select(const cefo_network *net, const cefo__resource *r,
                                const cefo__select *s, cefo_error *err)
{
    size_t hits = 0;
    for (size_t p = 0; p < net->nprocesses; p++) {
        const cefo__process *pr = &net->processes[p];
        if (!cefo__select_matches(s, pr))
            continue;
        hits++;
        if (s->of == CEFO__OF_CAPACITY && isinf(pr->capacity))
            return cefo__error(err, CEFO_ERR_INVALID, net->file, s->line, "term",
                               "resource '%s': the capacity term matches process '%s', which "
                               "has no capacity", r->id, pr->id);
    }
    if (!hits)
        return cefo__error(err, CEFO_ERR_INVALID, net->file, s->line, "term",
                           "resource '%s': this <term> matches no process (a typo?)", r->id);
    return CEFO_OK;
}

cefo_status cefo__network_validate_resources(const cefo_network *net, cefo_error *err)
{
    cefo_status st = CEFO_OK;
    for (size_t i = 0; i < net->nresources && st == CEFO_OK; i++) {
        const cefo__resource *r = &net->resources[i];
        if (r->min > r->max)
            st = cefo__error(err, CEFO_ERR_INVALID, net->file, r->line, "resource",
                             "resource '%s': min %g exceeds max %g", r->id, r->min, r->max);
        for (size_t t = 0; t < r->nsel && st == CEFO_OK; t++)
            st = check_select(net, r, &r->sel[t], err);
    }
    for (size_t p = 0; p < net->nprocesses && st == CEFO_OK; p++)
        st = check_uses(net, &net->processes[p].uses,
                        cefo__process_is_decision(&net->processes[p]), "process '",
                        net->processes[p].id, err);
    for (size_t l = 0; l < net->nlinks && st == CEFO_OK; l++)
        st = check_uses(net, &net->links[l].uses, net->links[l].optional, "the link from '",
                        net->processes[net->links[l].from].id, err);
    return st;
}

void cefo__resources_free(cefo_network *net)
{
    for (size_t i = 0; i < net->nresources; i++) {
        cefo__resource *r = &net->resources[i];
        for (size_t t = 0; t < r->nsel; t++) {
            cefo__select *s = &r->sel[t];
            cefo__free(s->sector);
            cefo__free(s->zone);
            cefo__free(s->group);
            cefo__free(s->kind);
            cefo__free(s->variant);
        }
        cefo__free(r->sel);
        cefo__free(r->id);
        cefo__free(r->unit);
        cefo__free(r->name);
    }
    cefo__free(net->resources);
}
