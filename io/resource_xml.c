/* resource_xml.c - <resource> with its <term>s, and <use> inside processes and links (spec
 * section 5), for the network loader. */
#include <math.h>
#include <string.h>

#include "core/alloc.h"
#include "io/loaders.h"
#include "io/xmlattr.h"
#include "models/network.h"

static cefo_status load_use(cefo__netload *ld, const cefo__elem *e, cefo__attrs *a)
{
    static const char *const allowed[] = {"resource", "amount", "per", NULL};
    static const char *const pers[] = {"unit", "decision", NULL};
    const cefo__xctx *x = &ld->x;
    const char *id;
    size_t r;
    double amount = NAN;
    int per = 0;
    cefo_status st = cefo__elem_attrs(x, e, allowed, a);
    if (st == CEFO_OK) st = cefo__attr_need(x, a, "resource", &id);
    if (st == CEFO_OK && !cefo__strmap_get(&ld->net->resource_ids, id, &r))
        st = cefo__xfail(x, a->line, a->element, "resource=\"%s\" names no resource", id);
    if (st == CEFO_OK) st = cefo__attr_number(x, a, "amount", 1, &amount);
    if (st == CEFO_OK && isnan(amount))
        st = cefo__xfail(x, a->line, a->element, "<use> needs attribute 'amount'");
    if (st == CEFO_OK) st = cefo__attr_choice(x, a, "per", pers, &per);
    if (st == CEFO_OK && cefo__uses_add(ld->uses, r, amount, per, a->line) != CEFO_OK)
        st = cefo__xnomem(x);
    if (st == CEFO_OK) st = cefo__elem_no_children(x, e);
    return st;
}

const cefo__elem_spec cefo__spec_use = {"use", load_use, NULL, CEFO__EMPTY, NULL};

/* of="activity|capacity|labour|fixed-cost|emission:ID|input:ID|output:ID". */
static cefo_status parse_of(const cefo__xctx *x, const cefo_network *net, const cefo__attrs *a,
                            cefo__select *s)
{
    static const char *const plain[] = {"activity", "capacity", "labour", "fixed-cost"};
    static const cefo__term_of plain_of[] = {CEFO__OF_ACTIVITY, CEFO__OF_CAPACITY,
                                             CEFO__OF_LABOUR, CEFO__OF_FIXED_COST};
    static const char *const ref[] = {"emission:", "input:", "output:"};
    static const cefo__term_of ref_of[] = {CEFO__OF_EMISSION, CEFO__OF_INPUT, CEFO__OF_OUTPUT};
    const char *of;
    cefo_status st = cefo__attr_need(x, a, "of", &of);
    if (st != CEFO_OK)
        return st;
    for (int i = 0; i < 4; i++)
        if (strcmp(of, plain[i]) == 0)
            return s->of = plain_of[i], CEFO_OK;
    if (strcmp(of, "investment") == 0) {
        if (!net->nperiods)
            return cefo__xfail(x, a->line, a->element,
                               "of=\"investment\" needs <periods> (a single-period network has "
                               "no investment: count fixed-cost instead)");
        return s->of = CEFO__OF_INVESTMENT, CEFO_OK;
    }
    for (int i = 0; i < 3; i++) {
        size_t n = strlen(ref[i]);
        if (strncmp(of, ref[i], n) != 0)
            continue;
        const cefo__strmap *ids = i ? &net->material_ids : &net->pollutant_ids;
        s->of = ref_of[i];
        if (!cefo__strmap_get(ids, of + n, &s->ref))
            return cefo__xfail(x, a->line, a->element, "of=\"%s\" names no %s", of,
                               i ? "material" : "pollutant");
        return CEFO_OK;
    }
    return cefo__xfail(x, a->line, a->element,
                       "of=\"%s\" must be activity, capacity, labour, fixed-cost, "
                       "investment, emission:POLLUTANT, input:MATERIAL or output:MATERIAL", of);
}

static cefo_status load_term(cefo__netload *ld, const cefo__elem *e, cefo__attrs *a)
{
    static const char *const allowed[] = {"sector", "zone", "group",  "kind",
                                          "variant", "of",  "amount", NULL};
    static const char *const pkinds[] = {"production", "treatment", "recycling", "disposal",
                                         NULL};
    const cefo__xctx *x = &ld->x;
    cefo__select s = {.amount = 1.0};
    int kind = 0;
    cefo_status st = cefo__elem_attrs(x, e, allowed, a);
    const char *names[] = {"sector", "zone", "group", "kind", "variant"};
    char **dst[] = {&s.sector, &s.zone, &s.group, &s.kind, &s.variant};
    int given = 0;
    for (int i = 0; i < 5 && st == CEFO_OK; i++) {
        st = cefo__attr_string(x, a, names[i], dst[i]);
        given += *dst[i] != NULL;
    }
    if (st == CEFO_OK && !given)
        st = cefo__xfail(x, a->line, a->element,
                         "<term> needs at least one of sector, zone, group, kind, variant");
    if (st == CEFO_OK) st = cefo__attr_choice(x, a, "kind", pkinds, &kind);
    if (st == CEFO_OK) st = parse_of(x, ld->net, a, &s);
    if (st == CEFO_OK) st = cefo__attr_number(x, a, "amount", 1, &s.amount);
    if (st == CEFO_OK) st = cefo__elem_no_children(x, e);
    s.line = a->line;
    if (st == CEFO_OK && cefo__resource_add_select(ld->resource, &s) != CEFO_OK)
        st = cefo__xnomem(x);
    if (st != CEFO_OK)
        for (int i = 0; i < 5; i++)
            cefo__free(*dst[i]);
    return st;
}

static const cefo__elem_spec spec_term = {"term", load_term, NULL, CEFO__EMPTY, NULL};

static cefo_status load_resource(cefo__netload *ld, const cefo__elem *e, cefo__attrs *a)
{
    static const char *const allowed[] = {"id", "unit", "name", "min", "max", "price", "scope",
                                          NULL};
    static const char *const scopes[] = {"period", "total", NULL};
    const cefo__xctx *x = &ld->x;
    cefo_network *net = ld->net;
    const char *id, *unit;
    cefo__resource *r;
    cefo_status st = cefo__elem_attrs(x, e, allowed, a);
    if (st == CEFO_OK) st = cefo__attr_need(x, a, "id", &id);
    if (st == CEFO_OK) st = cefo__attr_need(x, a, "unit", &unit);
    if (st == CEFO_OK) st = cefo__network_add_resource(net, id, a->line, &r, x->err);
    if (st != CEFO_OK)
        return st;
    ld->resource = r;
    ld->at_kind = CEFO__AT_RESOURCE;
    ld->at_item = net->nresources - 1;
    st = cefo__attr_string(x, a, "unit", &r->unit);
    if (st == CEFO_OK) st = cefo__attr_string(x, a, "name", &r->name);
    if (st == CEFO_OK) st = cefo__attr_number(x, a, "min", 1, &r->min);
    if (st == CEFO_OK) st = cefo__attr_number(x, a, "max", 1, &r->max);
    if (st == CEFO_OK) st = cefo__attr_number(x, a, "price", 1, &r->price);
    if (st == CEFO_OK) st = cefo__attr_choice(x, a, "scope", scopes, &r->total);
    if (st == CEFO_OK && r->total && !net->nperiods)
        st = cefo__xfail(x, a->line, a->element,
                         "scope=\"total\" needs <periods> (a single-period network has one "
                         "period: leave scope out)");
    return st;
}

static const cefo__elem_spec *const resource_children[] = {&spec_term, &cefo__spec_at, NULL};
const cefo__elem_spec cefo__spec_resource = {"resource", load_resource, NULL, CEFO__CHILDREN,
                                             resource_children};
