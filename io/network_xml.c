/* network_xml.c - loads <network version="1"> (spec section 1) into a cefo_network. */
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "io/xmlattr.h"
#include "io/loaders.h"
#include "io/xmldoc.h"
#include "models/network.h"

#define NKINDS 8

typedef struct loader {
    cefo__xctx x;
    cefo_network *net;
    /* by kind, in dependency order: periods, pollutant, material, resource, process, link,
     * demand, group */
    xmlNode **nodes[NKINDS];
    size_t count[NKINDS], cap[NKINDS];
} loader;

static const char *const kinds[NKINDS] = {"periods", "pollutant", "material", "resource",
                                          "process", "link",      "demand",   "group"};
static const char *const groups[NKINDS] = {NULL,        "pollutants", "materials", "resources",
                                           "processes", "links",      "demands",   "groups"};

static cefo_status resolve(loader *ld, const cefo__attrs *a, const char *attr,
                           const cefo__strmap *ids, const char *what, size_t *out)
{
    const char *id;
    cefo_status st = cefo__attr_need(&ld->x, a, attr, &id);
    if (st != CEFO_OK) return st;
    if (!cefo__strmap_get(ids, id, out))
        return cefo__xfail(&ld->x, a->line, a->element, "%s=\"%s\" names no %s", attr, id, what);
    return CEFO_OK;
}

/* The per-unit children of a process or material: <input>, <output>, <emission>. */
typedef struct child_spec {
    const char *name;
    const char *ref;
    const cefo__strmap *ids;
    cefo__terms *terms;
} child_spec;

static cefo_status read_use(loader *ld, xmlNode *c, cefo__uses *uses)
{
    return cefo__load_use(&ld->x, ld->net, c, uses);
}

static cefo_status load_resource(loader *ld, xmlNode *node, cefo__attrs *a)
{
    return cefo__load_resource(&ld->x, ld->net, node, a);
}

static cefo_status load_periods(loader *ld, xmlNode *node, cefo__attrs *a)
{
    return cefo__load_periods(&ld->x, ld->net, node, a);
}

static cefo_status load_group(loader *ld, xmlNode *node, cefo__attrs *a)
{
    return cefo__load_group(&ld->x, ld->net, node, a);
}

/* The children of `node`: terms by `spec`, <use> when `uses` is not NULL, and <at> steps of
 * item `at_item` of `at_kind`. */
static cefo_status read_terms(loader *ld, xmlNode *node, const child_spec *spec, int nspec,
                              cefo__uses *uses, cefo__at_kind at_kind, size_t at_item)
{
    static const char *const allowed[] = {"material", "pollutant", "amount", NULL};
    cefo_status st = CEFO_OK;
    cefo__attrs a = {0};
    for (xmlNode *c = node->children; c && st == CEFO_OK; c = c->next) {
        st = cefo__xml_check_text(&ld->x, c);
        if (st != CEFO_OK || c->type != XML_ELEMENT_NODE) continue;
        if (uses && strcmp((const char *)c->name, "use") == 0) {
            st = read_use(ld, c, uses);
            continue;
        }
        if (strcmp((const char *)c->name, "at") == 0) {
            st = cefo__load_at(&ld->x, ld->net, c, (int)at_kind, at_item);
            continue;
        }
        int k = 0;
        while (k < nspec && strcmp((const char *)c->name, spec[k].name) != 0)
            k++;
        if (k == nspec) {
            st = cefo__xfail(&ld->x, cefo__xml_line(c), (const char *)c->name,
                             "<%s> is not allowed inside <%s>", c->name, node->name);
            break;
        }
        size_t item;
        double amount = NAN;
        st = cefo__attrs_read(&ld->x, c, allowed, &a);
        /* <input>/<output> name a material, <emission> a pollutant: never the other. */
        const char *other = strcmp(spec[k].ref, "material") == 0 ? "pollutant" : "material";
        if (st == CEFO_OK && cefo__attr(&a, other))
            st = cefo__xfail(&ld->x, a.line, a.element, "unknown attribute '%s' on <%s>", other,
                             a.element);
        if (st == CEFO_OK) st = resolve(ld, &a, spec[k].ref, spec[k].ids, spec[k].ref, &item);
        if (st == CEFO_OK) st = cefo__attr_number(&ld->x, &a, "amount", 0, &amount);
        if (st == CEFO_OK && isnan(amount))
            st = cefo__xfail(&ld->x, a.line, a.element, "<%s> needs attribute 'amount'", a.element);
        if (st == CEFO_OK && cefo__terms_add(spec[k].terms, item, amount, a.line) != CEFO_OK)
            st = cefo__xnomem(&ld->x);
        if (st == CEFO_OK && c->children)
            st = cefo__xfail(&ld->x, a.line, a.element, "<%s> takes no content", a.element);
        cefo__attrs_free(&a);
    }
    return st;
}

/* investment and lifetime: on decisions only, with <periods>; a lifetime above 0. */
static cefo_status check_investment(loader *ld, const cefo__attrs *a, int decision,
                                    double lifetime)
{
    const char *names[] = {"investment", "lifetime"};
    for (int i = 0; i < 2; i++) {
        if (!cefo__attr(a, names[i]))
            continue;
        if (!ld->net->nperiods)
            return cefo__xfail(&ld->x, a->line, a->element,
                               "%s needs <periods> (a single-period network has no %s: count "
                               "fixed-cost instead)", names[i], names[i]);
        if (!decision)
            return cefo__xfail(&ld->x, a->line, a->element,
                               "<%s> has a%s %s but is no decision (make it optional or a group "
                               "member)", a->element, i ? "" : "n", names[i]);
    }
    if (!(lifetime > 0))
        return cefo__xfail(&ld->x, a->line, a->element, "lifetime must be above 0 years");
    return CEFO_OK;
}

static cefo_status load_pollutant(loader *ld, xmlNode *node, cefo__attrs *a)
{
    static const char *const allowed[] = {"id", "unit", "name", "damage-cost", "cap", NULL};
    const char *id, *unit;
    cefo__pollutant *k;
    cefo_status st = cefo__attrs_read(&ld->x, node, allowed, a);
    if (st == CEFO_OK) st = cefo__attr_need(&ld->x, a, "id", &id);
    if (st == CEFO_OK) st = cefo__attr_need(&ld->x, a, "unit", &unit);
    if (st == CEFO_OK) st = cefo__network_add_pollutant(ld->net, id, a->line, &k, ld->x.err);
    if (st != CEFO_OK) return st;
    st = cefo__attr_string(&ld->x, a, "unit", &k->unit);
    if (st == CEFO_OK) st = cefo__attr_number(&ld->x, a, "damage-cost", 0, &k->damage_cost);
    if (st == CEFO_OK) st = cefo__attr_number(&ld->x, a, "cap", 0, &k->cap);
    return st == CEFO_OK ? cefo__load_at_only(&ld->x, ld->net, node, CEFO__AT_POLLUTANT,
                                              ld->net->npollutants - 1)
                         : st;
}

static cefo_status load_material(loader *ld, xmlNode *node, cefo__attrs *a)
{
    static const char *const allowed[] = {"id",           "unit",           "name",
                                          "kind",         "import-cost",    "import-limit",
                                          "export-price", "discharge-cost", NULL};
    static const char *const mkinds[] = {"product", "waste", "resource", NULL};
    const char *id, *unit;
    cefo__material *m;
    cefo_status st = cefo__attrs_read(&ld->x, node, allowed, a);
    if (st == CEFO_OK) st = cefo__attr_need(&ld->x, a, "id", &id);
    if (st == CEFO_OK) st = cefo__attr_need(&ld->x, a, "unit", &unit);
    if (st == CEFO_OK) st = cefo__network_add_material(ld->net, id, a->line, &m, ld->x.err);
    if (st != CEFO_OK) return st;
    int kind = CEFO__PRODUCT;
    st = cefo__attr_string(&ld->x, a, "unit", &m->unit);
    if (st == CEFO_OK) st = cefo__attr_choice(&ld->x, a, "kind", mkinds, &kind);
    m->kind = (cefo__material_kind)kind;
    if (st == CEFO_OK) st = cefo__attr_number(&ld->x, a, "import-cost", 0, &m->import_cost);
    if (st == CEFO_OK) st = cefo__attr_number(&ld->x, a, "import-limit", 0, &m->import_limit);
    if (st == CEFO_OK) st = cefo__attr_number(&ld->x, a, "export-price", 0, &m->export_price);
    if (st == CEFO_OK) st = cefo__attr_number(&ld->x, a, "discharge-cost", 0, &m->discharge_cost);
    if (st == CEFO_OK && cefo__attr(a, "import-limit") && isnan(m->import_cost))
        st = cefo__xfail(&ld->x, a->line, a->element,
                         "material '%s' has an import-limit but no import-cost, so it cannot be "
                         "imported at all",
                         id);
    child_spec spec[] = {{"emission", "pollutant", &ld->net->pollutant_ids, &m->emissions}};
    return st == CEFO_OK ? read_terms(ld, node, spec, 1, NULL, CEFO__AT_MATERIAL,
                                      ld->net->nmaterials - 1)
                         : st;
}

static cefo_status load_process(loader *ld, xmlNode *node, cefo__attrs *a)
{
    static const char *const allowed[] = {"id",         "name",       "sector",   "zone",
                                          "kind",       "capacity",   "min",      "cost",
                                          "labour",     "optional",   "fixed-cost", "group",
                                          "variant",    "investment", "lifetime", NULL};
    static const char *const pkinds[] = {"production", "treatment", "recycling", "disposal", NULL};
    const char *id;
    cefo__process *p;
    cefo_status st = cefo__attrs_read(&ld->x, node, allowed, a);
    if (st == CEFO_OK) st = cefo__attr_need(&ld->x, a, "id", &id);
    if (st == CEFO_OK) st = cefo__network_add_process(ld->net, id, a->line, &p, ld->x.err);
    if (st != CEFO_OK) return st;
    int kind = CEFO__PRODUCTION;
    st = cefo__attr_choice(&ld->x, a, "kind", pkinds, &kind);
    p->kind = (cefo__process_kind)kind;
    const char *strs[] = {"name", "sector", "zone", "group", "variant"};
    char **dst[] = {&p->name, &p->sector, &p->zone, &p->group, &p->variant};
    for (int i = 0; i < 5 && st == CEFO_OK; i++)
        st = cefo__attr_string(&ld->x, a, strs[i], dst[i]);
    const char *nums[] = {"capacity", "min", "cost", "labour", "fixed-cost", "investment",
                          "lifetime"};
    double *ndst[] = {&p->capacity, &p->min,        &p->cost,    &p->labour,
                      &p->fixed_cost, &p->investment, &p->lifetime};
    for (int i = 0; i < 7 && st == CEFO_OK; i++)
        st = cefo__attr_number(&ld->x, a, nums[i], 0, ndst[i]);
    if (st == CEFO_OK) st = cefo__attr_boolean(&ld->x, a, "optional", &p->optional);
    if (st == CEFO_OK && p->variant && !p->group)
        st = cefo__xfail(&ld->x, a->line, a->element,
                         "process '%s' has a variant but no group to be a variant of", id);
    if (st == CEFO_OK && cefo__attr(a, "fixed-cost") && !p->optional && !p->group)
        st =
            cefo__xfail(&ld->x, a->line, a->element,
                        "process '%s' has a fixed-cost but is neither optional nor in a group", id);
    if (st == CEFO_OK)
        st = check_investment(ld, a, p->optional || p->group, p->lifetime);
    child_spec spec[] = {{"input", "material", &ld->net->material_ids, &p->inputs},
                         {"output", "material", &ld->net->material_ids, &p->outputs},
                         {"emission", "pollutant", &ld->net->pollutant_ids, &p->emissions}};
    return st == CEFO_OK ? read_terms(ld, node, spec, 3, &p->uses, CEFO__AT_PROCESS,
                                      ld->net->nprocesses - 1)
                         : st;
}

static cefo_status load_link(loader *ld, xmlNode *node, cefo__attrs *a)
{
    static const char *const allowed[] = {"from",       "to",         "material", "cost",
                                          "capacity",   "distance",   "optional", "fixed-cost",
                                          "investment", "lifetime",   NULL};
    cefo__link *l;
    cefo_status st = cefo__attrs_read(&ld->x, node, allowed, a);
    if (st == CEFO_OK) st = cefo__network_add_link(ld->net, a->line, &l, ld->x.err);
    if (st != CEFO_OK) return st;
    st = resolve(ld, a, "from", &ld->net->process_ids, "process", &l->from);
    if (st == CEFO_OK) st = resolve(ld, a, "to", &ld->net->process_ids, "process", &l->to);
    if (st == CEFO_OK)
        st = resolve(ld, a, "material", &ld->net->material_ids, "material", &l->material);
    if (st == CEFO_OK) st = cefo__attr_number(&ld->x, a, "cost", 0, &l->cost);
    if (st == CEFO_OK) st = cefo__attr_number(&ld->x, a, "capacity", 0, &l->capacity);
    if (st == CEFO_OK) st = cefo__attr_number(&ld->x, a, "distance", 0, &l->distance);
    if (st == CEFO_OK) st = cefo__attr_boolean(&ld->x, a, "optional", &l->optional);
    if (st == CEFO_OK) st = cefo__attr_number(&ld->x, a, "fixed-cost", 0, &l->fixed_cost);
    if (st == CEFO_OK) st = cefo__attr_number(&ld->x, a, "investment", 0, &l->investment);
    if (st == CEFO_OK) st = cefo__attr_number(&ld->x, a, "lifetime", 0, &l->lifetime);
    if (st == CEFO_OK && cefo__attr(a, "fixed-cost") && !l->optional)
        st = cefo__xfail(&ld->x, a->line, a->element,
                         "a link with a fixed-cost must be optional=\"true\"");
    if (st == CEFO_OK)
        st = check_investment(ld, a, l->optional, l->lifetime);
    return st == CEFO_OK ? read_terms(ld, node, NULL, 0, &l->uses, CEFO__AT_LINK,
                                      ld->net->nlinks - 1)
                         : st;
}

static cefo_status load_demand(loader *ld, xmlNode *node, cefo__attrs *a)
{
    static const char *const allowed[] = {"material", "amount", NULL};
    size_t m;
    double amount = NAN;
    cefo_status st = cefo__attrs_read(&ld->x, node, allowed, a);
    if (st == CEFO_OK) st = resolve(ld, a, "material", &ld->net->material_ids, "material", &m);
    if (st == CEFO_OK) st = cefo__attr_number(&ld->x, a, "amount", 0, &amount);
    if (st == CEFO_OK && isnan(amount))
        st = cefo__xfail(&ld->x, a->line, a->element, "<demand> needs attribute 'amount'");
    if (st == CEFO_OK) {
        ld->net->materials[m].demand += amount; /* several demands of one material add up */
        if (cefo__network_add_demand(ld->net, m, amount, a->line) != CEFO_OK)
            st = cefo__xnomem(&ld->x);
    }
    return st == CEFO_OK ? cefo__load_at_only(&ld->x, ld->net, node, CEFO__AT_DEMAND,
                                              ld->net->ndemands - 1)
                         : st;
}

static cefo_status load_root(loader *ld, xmlNode *root)
{
    static const char *const allowed[] = {"version", "name", "currency", NULL};
    cefo__attrs a = {0};
    if (!root || strcmp((const char *)root->name, "network") != 0 || root->ns)
        return cefo__xfail(&ld->x, root ? cefo__xml_line(root) : 0, NULL,
                           "the root element must be <network> (without a namespace)");
    cefo_status st = cefo__attrs_read(&ld->x, root, allowed, &a);
    const char *version = st == CEFO_OK ? cefo__attr(&a, "version") : NULL;
    if (st == CEFO_OK && (!version || strcmp(version, "1") != 0))
        st = cefo__xfail(&ld->x, a.line, "network", "<network> needs version=\"1\"");
    if (st == CEFO_OK) st = cefo__attr_string(&ld->x, &a, "currency", &ld->net->currency);
    if (st == CEFO_OK) st = cefo__attr_string(&ld->x, &a, "name", &ld->net->name);
    cefo__attrs_free(&a);
    if (st == CEFO_OK)
        st = cefo__xml_sort(&ld->x, root, kinds, groups, NKINDS, 8, ld->nodes, ld->count,
                            ld->cap);
    if (st == CEFO_OK && !ld->count[2] && !ld->count[4]) /* no material, no process */
        st = cefo__xfail(&ld->x, cefo__xml_line(root), "network",
                         "the network is empty: it has no materials and no processes");
    typedef cefo_status (*load_fn)(loader *, xmlNode *, cefo__attrs *);
    static const load_fn load[NKINDS] = {load_periods, load_pollutant, load_material,
                                         load_resource, load_process,  load_link,
                                         load_demand,   load_group};
    for (int k = 0; k < NKINDS && st == CEFO_OK; k++) {
        for (size_t i = 0; i < ld->count[k] && st == CEFO_OK; i++) {
            st = load[k](ld, ld->nodes[k][i], &a);
            cefo__attrs_free(&a);
        }
    }
    return st == CEFO_OK ? cefo__network_validate(ld->net, ld->x.err) : st;
}

/* The registries the document's rows came from: every <?cefo-src PATH?> (registry.c). */
static cefo_status src_files(loader *ld, xmlNode *node)
{
    for (xmlNode *c = node; c; c = c->next) {
        if (c->type == XML_PI_NODE && strcmp((const char *)c->name, "cefo-src") == 0) {
            cefo_network *net = ld->net;
            char *copy = cefo__strdup(c->content ? (const char *)c->content : "");
            char **grown = copy ? cefo__realloc_array(net->src_files, net->nsrc_files + 1,
                                                      sizeof *grown)
                                : NULL;
            if (!grown) {
                cefo__free(copy);
                return cefo__xnomem(&ld->x);
            }
            net->src_files = grown;
            net->src_files[net->nsrc_files++] = copy;
        }
        if (c->type == XML_ELEMENT_NODE && c->children) {
            cefo_status st = src_files(ld, c->children);
            if (st != CEFO_OK)
                return st;
        }
    }
    return CEFO_OK;
}

cefo_status cefo__network_from_doc(cefo_network **out, xmlDoc *doc, const char *name,
                                   cefo_error *err)
{
    loader ld = {.x = {name, err}};
    ld.net = cefo__network_new(name);
    cefo_status st = ld.net ? load_root(&ld, xmlDocGetRootElement(doc))
                            : cefo__error(err, CEFO_ERR_NOMEM, name, 0, NULL, "out of memory");
    if (st == CEFO_OK)
        st = src_files(&ld, xmlDocGetRootElement(doc));
    for (int k = 0; k < NKINDS; k++)
        cefo__free(ld.nodes[k]);
    if (st != CEFO_OK) {
        cefo_network_free(ld.net);
        return st;
    }
    *out = ld.net;
    return CEFO_OK;
}

static cefo_status network_loader(void *out, xmlDoc *doc, const char *name, cefo_error *err)
{
    return cefo__network_from_doc(out, doc, name, err);
}

cefo_status cefo_network_load_memory(cefo_network **out, const char *data, size_t len,
                                     const char *name, cefo_error *err)
{
    return cefo__load_memory(out, data, len, name, network_loader, err);
}

cefo_status cefo_network_load_file(cefo_network **out, const char *path, cefo_error *err)
{
    return cefo__load_file(out, path, network_loader, err);
}
