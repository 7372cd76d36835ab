/* periods_xml.c - <periods>, <at> step changes and <group order> (spec section 6), for the
 * network loader. */
#include <math.h>
#include <string.h>

#include "core/alloc.h"
#include "io/loaders.h"
#include "io/xmlattr.h"
#include "models/network.h"

static cefo_status load_period(cefo__netload *ld, const cefo__elem *e, cefo__attrs *a)
{
    static const char *const allowed[] = {"id", "years", NULL};
    const cefo__xctx *x = &ld->x;
    const char *id;
    double years = 1.0;
    cefo_status st = cefo__elem_attrs(x, e, allowed, a);
    if (st == CEFO_OK) st = cefo__attr_need(x, a, "id", &id);
    if (st == CEFO_OK) st = cefo__attr_number(x, a, "years", 0, &years);
    if (st == CEFO_OK && !(years > 0))
        st = cefo__xfail(x, a->line, a->element, "period '%s': years must be above 0", id);
    if (st == CEFO_OK) st = cefo__elem_no_children(x, e);
    if (st == CEFO_OK) st = cefo__network_add_period(ld->net, id, years, a->line, x->err);
    return st;
}

static const cefo__elem_spec spec_period = {"period", load_period, NULL, CEFO__EMPTY, NULL};

static cefo_status load_periods(cefo__netload *ld, const cefo__elem *e, cefo__attrs *a)
{
    static const char *const allowed[] = {"discount-rate", NULL};
    const cefo__xctx *x = &ld->x;
    cefo_network *net = ld->net;
    cefo_status st = cefo__elem_attrs(x, e, allowed, a);
    if (st == CEFO_OK && net->periods_line)
        st = cefo__xfail(x, a->line, a->element, "a network has one <periods> (the first is at "
                         "line %d)", net->periods_line);
    if (st == CEFO_OK) st = cefo__attr_number(x, a, "discount-rate", 0, &net->discount_rate);
    net->periods_line = a->line;
    return st;
}

/* After its <period>s. */
static cefo_status end_periods(cefo__netload *ld)
{
    if (!ld->net->nperiods)
        return cefo__xfail(&ld->x, ld->net->periods_line, "periods",
                           "<periods> needs at least one <period>");
    return CEFO_OK;
}

static const cefo__elem_spec *const periods_children[] = {&spec_period, NULL};
const cefo__elem_spec cefo__spec_periods = {"periods", load_periods, end_periods,
                                            CEFO__CHILDREN, periods_children};

/* Names the attributes an <at> inside `parent` may set, for its error message. */
static void list_names(cefo__at_kind kind, char *buf, size_t n)
{
    const char *const *names = cefo__at_names(kind);
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 1; names[i] && len < n; i++) {
        int w = snprintf(buf + len, n - len, "%s%s", i > 1 ? ", " : "", names[i]);
        if (w < 0)
            break;
        len += (size_t)w;
    }
}

static cefo_status load_at(cefo__netload *ld, const cefo__elem *e, cefo__attrs *a)
{
    const cefo__xctx *x = &ld->x;
    cefo_network *net = ld->net;
    int kind = ld->at_kind;
    const char *parent = ld->parent ? ld->parent : "?";
    int line = e->line;
    if (!net->nperiods)
        return cefo__xfail(x, line, "at", "<at> needs <periods> (the network has none)");
    /* An attribute the parent does not have is the likely typo: say what it has. */
    const char *name;
    for (int i = 0; (name = cefo__elem_attr_name(e, i)) != NULL; i++) {
        size_t off;
        int neg;
        if (strcmp(name, "period") != 0
            && cefo__at_field((cefo__at_kind)kind, name, &off, &neg) != CEFO_OK) {
            char names[200];
            list_names((cefo__at_kind)kind, names, sizeof names);
            return cefo__xfail(x, line, "at",
                               "<at> inside <%s> cannot set '%s': <%s> has no such numeric "
                               "attribute (it has %s)", parent, name, parent, names);
        }
    }
    const char *id;
    size_t period;
    cefo_status st = cefo__elem_attrs(x, e, cefo__at_names((cefo__at_kind)kind), a);
    if (st == CEFO_OK) st = cefo__attr_need(x, a, "period", &id);
    if (st == CEFO_OK && !cefo__strmap_get(&net->period_ids, id, &period))
        st = cefo__xfail(x, a->line, a->element, "period=\"%s\" names no period", id);
    if (st == CEFO_OK && a->n < 2)
        st = cefo__xfail(x, a->line, a->element, "<at period=\"%s\"> sets no attribute", id);
    for (int i = 0; i < a->n && st == CEFO_OK; i++) {
        if (strcmp(a->name[i], "period") == 0)
            continue;
        cefo__step s = {.kind = (cefo__at_kind)kind, .item = ld->at_item, .period = period,
                        .line = a->line};
        int neg = 0;
        cefo__at_field((cefo__at_kind)kind, a->name[i], &s.offset, &neg);
        st = cefo__attr_number(x, a, a->name[i], neg, &s.value);
        if (st == CEFO_OK && cefo__network_add_step(net, &s) != CEFO_OK)
            st = cefo__xnomem(x);
    }
    if (st == CEFO_OK) st = cefo__elem_no_children(x, e);
    return st;
}

const cefo__elem_spec cefo__spec_at = {"at", load_at, NULL, CEFO__EMPTY, NULL};

static cefo_status load_group(cefo__netload *ld, const cefo__elem *e, cefo__attrs *a)
{
    static const char *const allowed[] = {"id", "order", NULL};
    const cefo__xctx *x = &ld->x;
    cefo_network *net = ld->net;
    const char *id;
    cefo_status st = cefo__elem_attrs(x, e, allowed, a);
    if (st == CEFO_OK) st = cefo__attr_need(x, a, "id", &id);
    if (st == CEFO_OK) st = cefo__elem_no_children(x, e);
    if (st == CEFO_OK
        && cefo__grow((void **)&net->group_decls, &net->cap_group_decls, net->ngroup_decls + 1,
                      sizeof *net->group_decls))
        st = cefo__xnomem(x);
    if (st != CEFO_OK)
        return st;
    cefo__group_decl *d = &net->group_decls[net->ngroup_decls++];
    *d = (cefo__group_decl){.line = a->line};
    st = cefo__attr_string(x, a, "id", &d->id);
    if (st == CEFO_OK) st = cefo__attr_string(x, a, "order", &d->order);
    return st;
}

const cefo__elem_spec cefo__spec_group = {"group", load_group, NULL, CEFO__EMPTY, NULL};
