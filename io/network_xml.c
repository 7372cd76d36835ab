/* network_xml.c - loads <network version="1"> (spec section 1) into a cefo_network. */
#include <libxml/tree.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "core/alloc.h"
#include "core/error.h"
#include "io/loaders.h"
#include "io/xmlattr.h"
#include "io/xmldoc.h"
#include "models/network.h"

static cefo_status resolve(cefo__netload *ld, const cefo__attrs *a, const char *attr,
                           const cefo__strmap *ids, const char *what, size_t *out)
{
    const char *id;
    cefo_status st = cefo__attr_need(&ld->x, a, attr, &id);
    if (st != CEFO_OK) return st;
    if (!cefo__strmap_get(ids, id, out))
        return cefo__xfail(&ld->x, a->line, a->element, "%s=\"%s\" names no %s", attr, id, what);
    return CEFO_OK;
}

/* <input> and <output> name a material, <emission> a pollutant: a term of the item being
 * read (ld->terms, in that order). */
static cefo_status load_term(cefo__netload *ld, const cefo__elem *e, cefo__attrs *a)
{
    static const char *const allowed[] = {"material", "pollutant", "amount", NULL};
    int k = strcmp(e->name, "input") == 0 ? 0 : strcmp(e->name, "output") == 0 ? 1 : 2;
    const char *ref = k < 2 ? "material" : "pollutant";
    const cefo__strmap *ids = k < 2 ? &ld->net->material_ids : &ld->net->pollutant_ids;
    size_t item;
    double amount = NAN;
    cefo_status st = cefo__elem_attrs(&ld->x, e, allowed, a);
    const char *other = k < 2 ? "pollutant" : "material";
    if (st == CEFO_OK && cefo__attr(a, other))
        st = cefo__xfail(&ld->x, a->line, a->element, "unknown attribute '%s' on <%s>", other,
                         a->element);
    if (st == CEFO_OK) st = resolve(ld, a, ref, ids, ref, &item);
    if (st == CEFO_OK) st = cefo__attr_number(&ld->x, a, "amount", 0, &amount);
    if (st == CEFO_OK && isnan(amount))
        st = cefo__xfail(&ld->x, a->line, a->element, "<%s> needs attribute 'amount'", a->element);
    if (st == CEFO_OK && cefo__terms_add(ld->terms[k], item, amount, a->line) != CEFO_OK)
        st = cefo__xnomem(&ld->x);
    if (st == CEFO_OK && cefo__elem_has_content(e))
        st = cefo__xfail(&ld->x, a->line, a->element, "<%s> takes no content", a->element);
    return st;
}

static const cefo__elem_spec spec_input = {"input", load_term, NULL, CEFO__NO_CONTENT, NULL};
static const cefo__elem_spec spec_output = {"output", load_term, NULL, CEFO__NO_CONTENT, NULL};
static const cefo__elem_spec spec_emission = {"emission", load_term, NULL, CEFO__NO_CONTENT,
                                              NULL};

/* The children an item reads next are of item `item` of `kind` (for <at>). */
static void read_children(cefo__netload *ld, cefo__at_kind kind, size_t item, cefo__uses *uses,
                          cefo__terms *input, cefo__terms *output, cefo__terms *emission)
{
    ld->at_kind = (int)kind;
    ld->at_item = item;
    ld->uses = uses;
    ld->target[0] = input;
    ld->target[1] = output;
    ld->target[2] = emission;
    for (int k = 0; k < 3; k++) {
        ld->gather[k].n = 0;
        ld->terms[k] = ld->target[k] ? &ld->gather[k] : NULL;
    }
}

/* investment and lifetime: on decisions only, with <periods>; a lifetime above 0. */
static cefo_status check_investment(cefo__netload *ld, const cefo__attrs *a, int decision,
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

static cefo_status load_pollutant(cefo__netload *ld, const cefo__elem *e, cefo__attrs *a)
{
    static const char *const allowed[] = {"id", "unit", "name", "damage-cost", "cap", NULL};
    const char *id, *unit;
    cefo__pollutant *k;
    cefo_status st = cefo__elem_attrs(&ld->x, e, allowed, a);
    if (st == CEFO_OK) st = cefo__attr_need(&ld->x, a, "id", &id);
    if (st == CEFO_OK) st = cefo__attr_need(&ld->x, a, "unit", &unit);
    if (st == CEFO_OK) st = cefo__network_add_pollutant(ld->net, id, a->line, &k, ld->x.err);
    if (st != CEFO_OK) return st;
    st = cefo__attr_string(&ld->x, a, "unit", &k->unit);
    if (st == CEFO_OK) st = cefo__attr_number(&ld->x, a, "damage-cost", 0, &k->damage_cost);
    if (st == CEFO_OK) st = cefo__attr_number(&ld->x, a, "cap", 0, &k->cap);
    read_children(ld, CEFO__AT_POLLUTANT, ld->net->npollutants - 1, NULL, NULL, NULL, NULL);
    return st;
}

static cefo_status load_material(cefo__netload *ld, const cefo__elem *e, cefo__attrs *a)
{
    static const char *const allowed[] = {"id",           "unit",           "name",
                                          "kind",         "import-cost",    "import-limit",
                                          "export-price", "discharge-cost", NULL};
    static const char *const mkinds[] = {"product", "waste", "resource", NULL};
    const char *id, *unit;
    cefo__material *m;
    cefo_status st = cefo__elem_attrs(&ld->x, e, allowed, a);
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
    read_children(ld, CEFO__AT_MATERIAL, ld->net->nmaterials - 1, NULL, NULL, NULL,
                  &m->emissions);
    return st;
}

static cefo_status load_process(cefo__netload *ld, const cefo__elem *e, cefo__attrs *a)
{
    static const char *const allowed[] = {"id",         "name",       "sector",   "zone",
                                          "kind",       "capacity",   "min",      "cost",
                                          "labour",     "optional",   "fixed-cost", "group",
                                          "variant",    "investment", "lifetime", NULL};
    static const char *const pkinds[] = {"production", "treatment", "recycling", "disposal", NULL};
    const char *id;
    cefo__process *p;
    cefo_status st = cefo__elem_attrs(&ld->x, e, allowed, a);
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
    read_children(ld, CEFO__AT_PROCESS, ld->net->nprocesses - 1, &p->uses, &p->inputs,
                  &p->outputs, &p->emissions);
    return st;
}

static cefo_status load_link(cefo__netload *ld, const cefo__elem *e, cefo__attrs *a)
{
    static const char *const allowed[] = {"from",       "to",         "material", "cost",
                                          "capacity",   "distance",   "optional", "fixed-cost",
                                          "investment", "lifetime",   NULL};
    cefo__link *l;
    cefo_status st = cefo__elem_attrs(&ld->x, e, allowed, a);
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
    read_children(ld, CEFO__AT_LINK, ld->net->nlinks - 1, &l->uses, NULL, NULL, NULL);
    return st;
}

static cefo_status load_demand(cefo__netload *ld, const cefo__elem *e, cefo__attrs *a)
{
    static const char *const allowed[] = {"material", "amount", NULL};
    size_t m;
    double amount = NAN;
    cefo_status st = cefo__elem_attrs(&ld->x, e, allowed, a);
    if (st == CEFO_OK) st = resolve(ld, a, "material", &ld->net->material_ids, "material", &m);
    if (st == CEFO_OK) st = cefo__attr_number(&ld->x, a, "amount", 0, &amount);
    if (st == CEFO_OK && isnan(amount))
        st = cefo__xfail(&ld->x, a->line, a->element, "<demand> needs attribute 'amount'");
    if (st == CEFO_OK) {
        ld->net->materials[m].demand += amount; /* several demands of one material add up */
        if (cefo__network_add_demand(ld->net, m, amount, a->line) != CEFO_OK)
            st = cefo__xnomem(&ld->x);
    }
    read_children(ld, CEFO__AT_DEMAND, ld->net->ndemands - 1, NULL, NULL, NULL, NULL);
    return st;
}

/* Once an item's children are read, its recipe lists take exactly the room they need: the
 * terms gather in the loader's lists (reused from item to item) and are copied over once.
 * Growing each list by doubling from 8 left a process's three lists at 600 bytes where they
 * need about 220, the largest share of a network's memory. */
static cefo_status end_item(cefo__netload *ld)
{
    for (int k = 0; k < 3; k++) {
        cefo__terms *from = &ld->gather[k], *to = ld->target[k];
        if (!to || !from->n)
            continue;
        to->v = cefo__realloc_array(NULL, from->n, sizeof *to->v);
        if (!to->v)
            return cefo__xnomem(&ld->x);
        memcpy(to->v, from->v, from->n * sizeof *to->v);
        to->n = to->cap = from->n;
        from->n = 0;
    }
    return CEFO_OK;
}

void cefo__netload_done(cefo__netload *ld)
{
    for (int k = 0; k < 3; k++)
        cefo__free(ld->gather[k].v);
}

static const cefo__elem_spec *const at_only[] = {&cefo__spec_at, NULL};
static const cefo__elem_spec *const material_children[] = {&spec_emission, &cefo__spec_at, NULL};
static const cefo__elem_spec *const process_children[] = {&spec_input, &spec_output,
                                                          &spec_emission, &cefo__spec_use,
                                                          &cefo__spec_at, NULL};
static const cefo__elem_spec *const link_children[] = {&cefo__spec_use, &cefo__spec_at, NULL};
static const cefo__elem_spec spec_pollutant = {"pollutant", load_pollutant, NULL,
                                               CEFO__CHILDREN, at_only};
static const cefo__elem_spec spec_material = {"material", load_material, end_item, CEFO__CHILDREN,
                                              material_children};
static const cefo__elem_spec spec_process = {"process", load_process, end_item, CEFO__CHILDREN,
                                             process_children};
static const cefo__elem_spec spec_link = {"link", load_link, end_item, CEFO__CHILDREN,
                                          link_children};
static const cefo__elem_spec spec_demand = {"demand", load_demand, NULL, CEFO__CHILDREN,
                                            at_only};

const cefo__elem_spec *const cefo__net_kinds[CEFO__NKINDS] = {
    &cefo__spec_periods, &spec_pollutant, &spec_material, &cefo__spec_resource,
    &spec_process,       &spec_link,      &spec_demand,   &cefo__spec_group};
const char *const cefo__net_groups[CEFO__NKINDS] = {NULL,        "pollutants", "materials",
                                                    "resources", "processes",  "links",
                                                    "demands",   "groups"};

const cefo__elem_spec *cefo__elem_child(const cefo__elem_spec *spec, const char *name)
{
    for (const cefo__elem_spec *const *c = spec->children; c && *c; c++)
        if (strcmp((*c)->name, name) == 0)
            return *c;
    return NULL;
}

cefo_status cefo__net_root(cefo__netload *ld, const cefo__elem *e)
{
    static const char *const allowed[] = {"version", "name", "currency", NULL};
    cefo__attrs a = {0};
    cefo_status st = cefo__elem_attrs(&ld->x, e, allowed, &a);
    const char *version = st == CEFO_OK ? cefo__attr(&a, "version") : NULL;
    if (st == CEFO_OK && (!version || strcmp(version, "1") != 0))
        st = cefo__xfail(&ld->x, a.line, "network", "<network> needs version=\"1\"");
    if (st == CEFO_OK) st = cefo__attr_string(&ld->x, &a, "currency", &ld->net->currency);
    if (st == CEFO_OK) st = cefo__attr_string(&ld->x, &a, "name", &ld->net->name);
    cefo__attrs_free(&a);
    return st;
}

/* One element of a document and, when it holds children, each of them (the document's side of
 * the handlers; netstream.c is the stream's). */
static cefo_status walk(cefo__netload *ld, const cefo__elem_spec *spec, xmlNode *node,
                        const char *parent)
{
    cefo__elem e = cefo__elem_node(node);
    cefo__attrs a = {0};
    ld->parent = parent;
    cefo_status st = spec->start(ld, &e, &a);
    cefo__attrs_free(&a);
    for (xmlNode *c = node->children;
         c && st == CEFO_OK && spec->content == CEFO__CHILDREN; c = c->next) {
        st = cefo__xml_check_text(&ld->x, c);
        if (st != CEFO_OK || c->type != XML_ELEMENT_NODE)
            continue;
        const cefo__elem_spec *child = cefo__elem_child(spec, (const char *)c->name);
        st = child ? walk(ld, child, c, spec->name)
                   : cefo__xfail(&ld->x, cefo__xml_line(c), (const char *)c->name,
                                 "<%s> is not allowed inside <%s>", c->name, node->name);
    }
    return st == CEFO_OK && spec->end ? spec->end(ld) : st;
}

static cefo_status load_root(cefo__netload *ld, xmlNode *root, xmlNode ***nodes)
{
    size_t count[CEFO__NKINDS] = {0}, cap[CEFO__NKINDS] = {0};
    const char *kinds[CEFO__NKINDS];
    if (!root || strcmp((const char *)root->name, "network") != 0 || root->ns)
        return cefo__xfail(&ld->x, root ? cefo__xml_line(root) : 0, NULL,
                           "the root element must be <network> (without a namespace)");
    cefo__elem e = cefo__elem_node(root);
    cefo_status st = cefo__net_root(ld, &e);
    for (int k = 0; k < CEFO__NKINDS; k++)
        kinds[k] = cefo__net_kinds[k]->name;
    if (st == CEFO_OK)
        st = cefo__xml_sort(&ld->x, root, kinds, cefo__net_groups, CEFO__NKINDS,
                            CEFO__GROUPING_DEPTH, nodes, count, cap);
    if (st == CEFO_OK && !count[2] && !count[4]) /* no material, no process */
        st = cefo__xfail(&ld->x, cefo__xml_line(root), "network",
                         "the network is empty: it has no materials and no processes");
    for (int k = 0; k < CEFO__NKINDS && st == CEFO_OK; k++)
        for (size_t i = 0; i < count[k] && st == CEFO_OK; i++)
            st = walk(ld, cefo__net_kinds[k], nodes[k][i], NULL);
    return st == CEFO_OK ? cefo__network_validate(ld->net, ld->x.err) : st;
}

cefo_status cefo__netload_src(cefo__netload *ld, const char *path)
{
    cefo_network *net = ld->net;
    char *copy = cefo__strdup(path);
    char **grown = copy ? cefo__realloc_array(net->src_files, net->nsrc_files + 1, sizeof *grown)
                        : NULL;
    if (!grown) {
        cefo__free(copy);
        return cefo__xnomem(&ld->x);
    }
    net->src_files = grown;
    net->src_files[net->nsrc_files++] = copy;
    return CEFO_OK;
}

/* The registries the document's rows came from: every <?cefo-src PATH?> (registry.c). */
static cefo_status src_files(cefo__netload *ld, xmlNode *node)
{
    for (xmlNode *c = node; c; c = c->next) {
        if (c->type == XML_PI_NODE && strcmp((const char *)c->name, "cefo-src") == 0) {
            cefo_status st = cefo__netload_src(ld, c->content ? (const char *)c->content : "");
            if (st != CEFO_OK)
                return st;
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
    cefo__netload ld = {.x = {name, err}};
    xmlNode **nodes[CEFO__NKINDS] = {0};
    ld.net = cefo__network_new(name);
    cefo_status st = ld.net ? load_root(&ld, xmlDocGetRootElement(doc), nodes)
                            : cefo__error(err, CEFO_ERR_NOMEM, name, 0, NULL, "out of memory");
    if (st == CEFO_OK)
        st = src_files(&ld, xmlDocGetRootElement(doc));
    for (int k = 0; k < CEFO__NKINDS; k++)
        cefo__free(nodes[k]);
    cefo__netload_done(&ld);
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

cefo_status cefo__network_load_dom(cefo_network **out, const char *data, size_t len,
                                   const char *name, cefo_error *err)
{
    return data ? cefo__load_memory(out, data, len, name, network_loader, err)
                : cefo__load_file(out, name, network_loader, err);
}

/* A plain load streams; an input the stream refuses is loaded as a document, whose first error
 * (and only that) is reported: the same message and line whichever way. Only a regular file
 * streams: a pipe or a device could not be read a second time. */
static cefo_status load(cefo_network **out, const char *data, size_t len, const char *name,
                        cefo_error *err)
{
    cefo_error scratch;
    struct stat sb;
    if (out && (data ? len > 0 : stat(name, &sb) == 0 && S_ISREG(sb.st_mode))
        && cefo__network_stream(out, data, len, name, &scratch) == CEFO_OK)
        return CEFO_OK;
    return cefo__network_load_dom(out, data, len, name, err);
}

cefo_status cefo_network_load_memory(cefo_network **out, const char *data, size_t len,
                                     const char *name, cefo_error *err)
{
    if (!data)
        return cefo__load_memory(out, data, len, name, network_loader, err);
    return load(out, data, len, name ? name : "<memory>", err);
}

cefo_status cefo_network_load_file(cefo_network **out, const char *path, cefo_error *err)
{
    if (!path)
        return cefo__load_file(out, path, network_loader, err);
    return load(out, NULL, 0, path, err);
}
