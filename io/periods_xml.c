/* periods_xml.c - <periods>, <at> step changes and <group order> (spec section 6), for the
 * network loader. */
#include <math.h>
#include <string.h>

#include "core/alloc.h"
#include "io/loaders.h"
#include "io/xmlattr.h"
#include "io/xmldoc.h"
#include "models/network.h"

static cefo_status load_period(const cefo__xctx *x, cefo_network *net, xmlNode *c)
{
    static const char *const allowed[] = {"id", "years", NULL};
    cefo__attrs a = {0};
    const char *id;
    double years = 1.0;
    cefo_status st = cefo__attrs_read(x, c, allowed, &a);
    if (st == CEFO_OK) st = cefo__attr_need(x, &a, "id", &id);
    if (st == CEFO_OK) st = cefo__attr_number(x, &a, "years", 0, &years);
    if (st == CEFO_OK && !(years > 0))
        st = cefo__xfail(x, a.line, a.element, "period '%s': years must be above 0", id);
    if (st == CEFO_OK) st = cefo__xml_no_children(x, c);
    if (st == CEFO_OK) st = cefo__network_add_period(net, id, years, a.line, x->err);
    cefo__attrs_free(&a);
    return st;
}

cefo_status cefo__load_periods(const cefo__xctx *x, cefo_network *net, xmlNode *node,
                               cefo__attrs *a)
{
    static const char *const allowed[] = {"discount-rate", NULL};
    cefo_status st = cefo__attrs_read(x, node, allowed, a);
    if (st == CEFO_OK && net->periods_line)
        st = cefo__xfail(x, a->line, a->element, "a network has one <periods> (the first is at "
                         "line %d)", net->periods_line);
    if (st == CEFO_OK) st = cefo__attr_number(x, a, "discount-rate", 0, &net->discount_rate);
    net->periods_line = a->line;
    for (xmlNode *c = node->children; c && st == CEFO_OK; c = c->next) {
        st = cefo__xml_check_text(x, c);
        if (st != CEFO_OK || c->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)c->name, "period") == 0)
            st = load_period(x, net, c);
        else
            st = cefo__xfail(x, cefo__xml_line(c), (const char *)c->name,
                             "<%s> is not allowed inside <periods>", c->name);
    }
    if (st == CEFO_OK && !net->nperiods)
        st = cefo__xfail(x, a->line, a->element, "<periods> needs at least one <period>");
    return st;
}

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

cefo_status cefo__load_at(const cefo__xctx *x, cefo_network *net, xmlNode *c, int kind,
                          size_t item)
{
    const char *parent = c->parent ? (const char *)c->parent->name : "?";
    int line = cefo__xml_line(c);
    if (!net->nperiods)
        return cefo__xfail(x, line, "at", "<at> needs <periods> (the network has none)");
    /* An attribute the parent does not have is the likely typo: say what it has. */
    for (xmlAttr *p = c->properties; p; p = p->next) {
        size_t off;
        int neg;
        const char *name = (const char *)p->name;
        if (strcmp(name, "period") != 0
            && cefo__at_field((cefo__at_kind)kind, name, &off, &neg) != CEFO_OK) {
            char names[200];
            list_names((cefo__at_kind)kind, names, sizeof names);
            return cefo__xfail(x, line, "at",
                               "<at> inside <%s> cannot set '%s': <%s> has no such numeric "
                               "attribute (it has %s)", parent, name, parent, names);
        }
    }
    cefo__attrs a = {0};
    const char *id;
    size_t period;
    cefo_status st = cefo__attrs_read(x, c, cefo__at_names((cefo__at_kind)kind), &a);
    if (st == CEFO_OK) st = cefo__attr_need(x, &a, "period", &id);
    if (st == CEFO_OK && !cefo__strmap_get(&net->period_ids, id, &period))
        st = cefo__xfail(x, a.line, a.element, "period=\"%s\" names no period", id);
    if (st == CEFO_OK && a.n < 2)
        st = cefo__xfail(x, a.line, a.element, "<at period=\"%s\"> sets no attribute", id);
    for (int i = 0; i < a.n && st == CEFO_OK; i++) {
        if (strcmp(a.name[i], "period") == 0)
            continue;
        cefo__step s = {.kind = (cefo__at_kind)kind, .item = item, .period = period,
                        .line = a.line};
        int neg = 0;
        cefo__at_field((cefo__at_kind)kind, a.name[i], &s.offset, &neg);
        st = cefo__attr_number(x, &a, a.name[i], neg, &s.value);
        if (st == CEFO_OK && cefo__network_add_step(net, &s) != CEFO_OK)
            st = cefo__xnomem(x);
    }
    if (st == CEFO_OK) st = cefo__xml_no_children(x, c);
    cefo__attrs_free(&a);
    return st;
}

cefo_status cefo__load_at_only(const cefo__xctx *x, cefo_network *net, xmlNode *node, int kind,
                               size_t item)
{
    cefo_status st = CEFO_OK;
    for (xmlNode *c = node->children; c && st == CEFO_OK; c = c->next) {
        st = cefo__xml_check_text(x, c);
        if (st != CEFO_OK || c->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)c->name, "at") == 0)
            st = cefo__load_at(x, net, c, kind, item);
        else
            st = cefo__xfail(x, cefo__xml_line(c), (const char *)c->name,
                             "<%s> is not allowed inside <%s>", c->name, node->name);
    }
    return st;
}

cefo_status cefo__load_group(const cefo__xctx *x, cefo_network *net, xmlNode *node,
                             cefo__attrs *a)
{
    static const char *const allowed[] = {"id", "order", NULL};
    const char *id;
    cefo_status st = cefo__attrs_read(x, node, allowed, a);
    if (st == CEFO_OK) st = cefo__attr_need(x, a, "id", &id);
    if (st == CEFO_OK) st = cefo__xml_no_children(x, node);
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
