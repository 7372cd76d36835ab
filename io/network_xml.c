/* network_xml.c - loads <network version="1"> (spec section 1) into a cefo_network. */
#include <libxml/tree.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "io/number.h"
#include "io/xmldoc.h"
#include "models/network.h"

#define MAX_ATTRS 16

/* The attributes of one element, checked against the element's allowed names. */
typedef struct attrs {
    const char *name[MAX_ATTRS];
    char *value[MAX_ATTRS];
    int n;
    int line;
    const char *element;
} attrs;

typedef struct loader {
    cefo_network *net;
    cefo_error *err;
    xmlNode **nodes[5]; /* by kind, in dependency order: pollutant, material, process, link, demand */
    size_t count[5], cap[5];
} loader;

static const char *const kinds[5] = {"pollutant", "material", "process", "link", "demand"};
static const char *const groups[5] = {"pollutants", "materials", "processes", "links", "demands"};

static cefo_status fail(loader *ld, int line, const char *element, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static cefo_status fail(loader *ld, int line, const char *element, const char *fmt, ...)
{
    char msg[480];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return cefo__error(ld->err, CEFO_ERR_INVALID, ld->net->file, line, element, "%s", msg);
}

static cefo_status nomem(loader *ld)
{
    return cefo__error(ld->err, CEFO_ERR_NOMEM, ld->net->file, 0, NULL, "out of memory");
}

static void attrs_free(attrs *a)
{
    for (int i = 0; i < a->n; i++)
        xmlFree(a->value[i]);
    a->n = 0;
}

static cefo_status attrs_read(loader *ld, xmlNode *node, const char *const *allowed, attrs *a)
{
    a->n = 0;
    a->line = cefo__xml_line(node);
    a->element = (const char *)node->name;
    for (xmlAttr *x = node->properties; x; x = x->next) {
        const char *name = (const char *)x->name;
        const char *const *ok = allowed;
        while (*ok && strcmp(*ok, name) != 0)
            ok++;
        if (!*ok || x->ns)
            return fail(ld, a->line, a->element, "unknown attribute '%s' on <%s>", name,
                        a->element);
        if (a->n == MAX_ATTRS)
            return fail(ld, a->line, a->element, "too many attributes on <%s>", a->element);
        xmlChar *v = xmlNodeListGetString(node->doc, x->children, 1);
        if (!v)
            v = xmlCharStrdup("");
        if (!v)
            return nomem(ld);
        a->name[a->n] = name;
        a->value[a->n++] = (char *)v;
    }
    return CEFO_OK;
}

static const char *get(const attrs *a, const char *name)
{
    for (int i = 0; i < a->n; i++)
        if (strcmp(a->name[i], name) == 0)
            return a->value[i];
    return NULL;
}

static cefo_status need(loader *ld, const attrs *a, const char *name, const char **out)
{
    *out = get(a, name);
    if (!*out)
        return fail(ld, a->line, a->element, "<%s> needs attribute '%s'", a->element, name);
    if (!**out)
        return fail(ld, a->line, a->element, "attribute '%s' of <%s> is empty", name,
                    a->element);
    return CEFO_OK;
}

/* An optional number >= 0; `*v` keeps its default when the attribute is absent. */
static cefo_status number(loader *ld, const attrs *a, const char *name, double *v)
{
    const char *s = get(a, name), *why;
    if (!s)
        return CEFO_OK;
    double d;
    if (cefo__parse_number(s, &d, &why) != 0)
        return fail(ld, a->line, a->element, "%s=\"%s\" %s", name, s, why);
    if (d < 0)
        return fail(ld, a->line, a->element, "%s=\"%s\" must not be negative", name, s);
    *v = d;
    return CEFO_OK;
}

static cefo_status boolean(loader *ld, const attrs *a, const char *name, int *v)
{
    const char *s = get(a, name);
    if (!s)
        return CEFO_OK;
    if (strcmp(s, "true") == 0 || strcmp(s, "false") == 0) {
        *v = s[0] == 't';
        return CEFO_OK;
    }
    return fail(ld, a->line, a->element, "%s=\"%s\" must be true or false", name, s);
}

/* Looks up one of `names` and stores its position; absent keeps the default. */
static cefo_status choice(loader *ld, const attrs *a, const char *name, const char *const *names,
                          int *v)
{
    const char *s = get(a, name);
    if (!s)
        return CEFO_OK;
    for (int i = 0; names[i]; i++) {
        if (strcmp(s, names[i]) == 0) {
            *v = i;
            return CEFO_OK;
        }
    }
    return fail(ld, a->line, a->element, "%s=\"%s\" is not one of the allowed values", name, s);
}

static cefo_status string(loader *ld, const attrs *a, const char *name, char **out)
{
    const char *s = get(a, name);
    if (!s)
        return CEFO_OK;
    *out = cefo__strdup(s);
    return *out ? CEFO_OK : nomem(ld);
}

static cefo_status resolve(loader *ld, const attrs *a, const char *attr, const cefo__strmap *ids,
                           const char *what, size_t *out)
{
    const char *id;
    cefo_status st = need(ld, a, attr, &id);
    if (st != CEFO_OK)
        return st;
    if (!cefo__strmap_get(ids, id, out))
        return fail(ld, a->line, a->element, "%s=\"%s\" names no %s", attr, id, what);
    return CEFO_OK;
}

static int is_blank(const xmlChar *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 0;
    return 1;
}

/* Nothing but white space and comments may stand beside elements. */
static cefo_status check_text(loader *ld, const xmlNode *n)
{
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && !is_blank(n->content))
        return fail(ld, cefo__xml_line(n->parent), (const char *)n->parent->name,
                    "unexpected text inside <%s>", n->parent->name);
    if (n->type == XML_ENTITY_REF_NODE)
        return fail(ld, cefo__xml_line(n->parent), (const char *)n->parent->name,
                    "entity references are not allowed");
    return CEFO_OK;
}

/* The per-unit children of a process or material: <input>, <output>, <emission>. */
typedef struct child_spec {
    const char *name;
    const char *ref;
    const cefo__strmap *ids;
    cefo__terms *terms;
} child_spec;

static cefo_status read_terms(loader *ld, xmlNode *node, const child_spec *spec, int nspec)
{
    static const char *const allowed[] = {"material", "pollutant", "amount", NULL};
    cefo_status st = CEFO_OK;
    attrs a = {0};
    for (xmlNode *c = node->children; c && st == CEFO_OK; c = c->next) {
        st = check_text(ld, c);
        if (st != CEFO_OK || c->type != XML_ELEMENT_NODE)
            continue;
        int k = 0;
        while (k < nspec && strcmp((const char *)c->name, spec[k].name) != 0)
            k++;
        if (k == nspec) {
            st = fail(ld, cefo__xml_line(c), (const char *)c->name,
                      "<%s> is not allowed inside <%s>", c->name, node->name);
            break;
        }
        size_t item;
        double amount = NAN;
        st = attrs_read(ld, c, allowed, &a);
        /* <input>/<output> name a material, <emission> a pollutant: never the other. */
        const char *other = strcmp(spec[k].ref, "material") == 0 ? "pollutant" : "material";
        if (st == CEFO_OK && get(&a, other))
            st = fail(ld, a.line, a.element, "unknown attribute '%s' on <%s>", other, a.element);
        if (st == CEFO_OK)
            st = resolve(ld, &a, spec[k].ref, spec[k].ids, spec[k].ref, &item);
        if (st == CEFO_OK)
            st = number(ld, &a, "amount", &amount);
        if (st == CEFO_OK && isnan(amount))
            st = fail(ld, a.line, a.element, "<%s> needs attribute 'amount'", a.element);
        if (st == CEFO_OK && cefo__terms_add(spec[k].terms, item, amount, a.line) != CEFO_OK)
            st = nomem(ld);
        if (st == CEFO_OK && c->children)
            st = fail(ld, a.line, a.element, "<%s> takes no content", a.element);
        attrs_free(&a);
    }
    return st;
}

static cefo_status no_children(loader *ld, xmlNode *node)
{
    for (xmlNode *c = node->children; c; c = c->next) {
        cefo_status st = check_text(ld, c);
        if (st != CEFO_OK)
            return st;
        if (c->type == XML_ELEMENT_NODE)
            return fail(ld, cefo__xml_line(c), (const char *)c->name,
                        "<%s> is not allowed inside <%s>", c->name, node->name);
    }
    return CEFO_OK;
}

static cefo_status load_pollutant(loader *ld, xmlNode *node, attrs *a)
{
    static const char *const allowed[] = {"id", "unit", "name", "damage-cost", "cap", NULL};
    const char *id, *unit;
    cefo__pollutant *k;
    cefo_status st = attrs_read(ld, node, allowed, a);
    if (st == CEFO_OK)
        st = need(ld, a, "id", &id);
    if (st == CEFO_OK)
        st = need(ld, a, "unit", &unit);
    if (st == CEFO_OK)
        st = cefo__network_add_pollutant(ld->net, id, a->line, &k, ld->err);
    if (st != CEFO_OK)
        return st;
    st = string(ld, a, "unit", &k->unit);
    if (st == CEFO_OK)
        st = number(ld, a, "damage-cost", &k->damage_cost);
    if (st == CEFO_OK)
        st = number(ld, a, "cap", &k->cap);
    return st == CEFO_OK ? no_children(ld, node) : st;
}

static cefo_status load_material(loader *ld, xmlNode *node, attrs *a)
{
    static const char *const allowed[] = {"id", "unit", "name", "kind", "import-cost",
                                          "import-limit", "export-price", "discharge-cost",
                                          NULL};
    static const char *const mkinds[] = {"product", "waste", "resource", NULL};
    const char *id, *unit;
    cefo__material *m;
    cefo_status st = attrs_read(ld, node, allowed, a);
    if (st == CEFO_OK)
        st = need(ld, a, "id", &id);
    if (st == CEFO_OK)
        st = need(ld, a, "unit", &unit);
    if (st == CEFO_OK)
        st = cefo__network_add_material(ld->net, id, a->line, &m, ld->err);
    if (st != CEFO_OK)
        return st;
    int kind = CEFO__PRODUCT;
    st = string(ld, a, "unit", &m->unit);
    if (st == CEFO_OK)
        st = choice(ld, a, "kind", mkinds, &kind);
    m->kind = (cefo__material_kind)kind;
    if (st == CEFO_OK)
        st = number(ld, a, "import-cost", &m->import_cost);
    if (st == CEFO_OK)
        st = number(ld, a, "import-limit", &m->import_limit);
    if (st == CEFO_OK)
        st = number(ld, a, "export-price", &m->export_price);
    if (st == CEFO_OK)
        st = number(ld, a, "discharge-cost", &m->discharge_cost);
    if (st == CEFO_OK && get(a, "import-limit") && isnan(m->import_cost))
        st = fail(ld, a->line, a->element,
                  "material '%s' has an import-limit but no import-cost, so it cannot be "
                  "imported at all", id);
    child_spec spec[] = {{"emission", "pollutant", &ld->net->pollutant_ids, &m->emissions}};
    return st == CEFO_OK ? read_terms(ld, node, spec, 1) : st;
}

static cefo_status load_process(loader *ld, xmlNode *node, attrs *a)
{
    static const char *const allowed[] = {"id", "name", "sector", "zone", "kind", "capacity",
                                          "min", "cost", "labour", "optional", "fixed-cost",
                                          "group", NULL};
    static const char *const pkinds[] = {"production", "treatment", "recycling", "disposal",
                                         NULL};
    const char *id;
    cefo__process *p;
    cefo_status st = attrs_read(ld, node, allowed, a);
    if (st == CEFO_OK)
        st = need(ld, a, "id", &id);
    if (st == CEFO_OK)
        st = cefo__network_add_process(ld->net, id, a->line, &p, ld->err);
    if (st != CEFO_OK)
        return st;
    int kind = CEFO__PRODUCTION;
    st = choice(ld, a, "kind", pkinds, &kind);
    p->kind = (cefo__process_kind)kind;
    const char *strs[] = {"name", "sector", "zone", "group"};
    char **dst[] = {&p->name, &p->sector, &p->zone, &p->group};
    for (int i = 0; i < 4 && st == CEFO_OK; i++)
        st = string(ld, a, strs[i], dst[i]);
    const char *nums[] = {"capacity", "min", "cost", "labour", "fixed-cost"};
    double *ndst[] = {&p->capacity, &p->min, &p->cost, &p->labour, &p->fixed_cost};
    for (int i = 0; i < 5 && st == CEFO_OK; i++)
        st = number(ld, a, nums[i], ndst[i]);
    if (st == CEFO_OK)
        st = boolean(ld, a, "optional", &p->optional);
    if (st == CEFO_OK && get(a, "fixed-cost") && !p->optional && !p->group)
        st = fail(ld, a->line, a->element,
                  "process '%s' has a fixed-cost but is neither optional nor in a group", id);
    child_spec spec[] = {{"input", "material", &ld->net->material_ids, &p->inputs},
                         {"output", "material", &ld->net->material_ids, &p->outputs},
                         {"emission", "pollutant", &ld->net->pollutant_ids, &p->emissions}};
    return st == CEFO_OK ? read_terms(ld, node, spec, 3) : st;
}

static cefo_status load_link(loader *ld, xmlNode *node, attrs *a)
{
    static const char *const allowed[] = {"from", "to", "material", "cost", "capacity",
                                          "distance", "optional", "fixed-cost", NULL};
    cefo__link *l;
    cefo_status st = attrs_read(ld, node, allowed, a);
    if (st == CEFO_OK)
        st = cefo__network_add_link(ld->net, a->line, &l, ld->err);
    if (st != CEFO_OK)
        return st;
    st = resolve(ld, a, "from", &ld->net->process_ids, "process", &l->from);
    if (st == CEFO_OK)
        st = resolve(ld, a, "to", &ld->net->process_ids, "process", &l->to);
    if (st == CEFO_OK)
        st = resolve(ld, a, "material", &ld->net->material_ids, "material", &l->material);
    if (st == CEFO_OK)
        st = number(ld, a, "cost", &l->cost);
    if (st == CEFO_OK)
        st = number(ld, a, "capacity", &l->capacity);
    if (st == CEFO_OK)
        st = number(ld, a, "distance", &l->distance);
    if (st == CEFO_OK)
        st = boolean(ld, a, "optional", &l->optional);
    if (st == CEFO_OK)
        st = number(ld, a, "fixed-cost", &l->fixed_cost);
    if (st == CEFO_OK && get(a, "fixed-cost") && !l->optional)
        st = fail(ld, a->line, a->element, "a link with a fixed-cost must be optional=\"true\"");
    return st == CEFO_OK ? no_children(ld, node) : st;
}

static cefo_status load_demand(loader *ld, xmlNode *node, attrs *a)
{
    static const char *const allowed[] = {"material", "amount", NULL};
    size_t m;
    double amount = NAN;
    cefo_status st = attrs_read(ld, node, allowed, a);
    if (st == CEFO_OK)
        st = resolve(ld, a, "material", &ld->net->material_ids, "material", &m);
    if (st == CEFO_OK)
        st = number(ld, a, "amount", &amount);
    if (st == CEFO_OK && isnan(amount))
        st = fail(ld, a->line, a->element, "<demand> needs attribute 'amount'");
    if (st == CEFO_OK)
        ld->net->materials[m].demand += amount; /* several demands of one material add up */
    return st == CEFO_OK ? no_children(ld, node) : st;
}

/* Sorts the elements under `parent` by kind; grouping elements are entered, anything else refused. */
static cefo_status collect(loader *ld, xmlNode *parent, int depth)
{
    for (xmlNode *c = parent->children; c; c = c->next) {
        cefo_status st = check_text(ld, c);
        if (st != CEFO_OK)
            return st;
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)c->name;
        int k = 0;
        while (k < 5 && strcmp(name, kinds[k]) != 0)
            k++;
        if (k < 5) {
            if (cefo__grow((void **)&ld->nodes[k], &ld->cap[k], ld->count[k] + 1,
                           sizeof(xmlNode *)) != 0)
                return nomem(ld);
            ld->nodes[k][ld->count[k]++] = c;
            continue;
        }
        int g = 0;
        while (g < 5 && strcmp(name, groups[g]) != 0)
            g++;
        if (g == 5 || depth > 8)
            return fail(ld, cefo__xml_line(c), name, "unknown element <%s> in <%s>", name,
                        parent->name);
        if (c->properties)
            return fail(ld, cefo__xml_line(c), name, "grouping element <%s> takes no attributes",
                        name);
        st = collect(ld, c, depth + 1);
        if (st != CEFO_OK)
            return st;
    }
    return CEFO_OK;
}

static cefo_status load_root(loader *ld, xmlNode *root)
{
    static const char *const allowed[] = {"version", "name", "currency", NULL};
    attrs a = {0};
    if (!root || strcmp((const char *)root->name, "network") != 0 || root->ns)
        return fail(ld, root ? cefo__xml_line(root) : 0, NULL,
                    "the root element must be <network> (without a namespace)");
    cefo_status st = attrs_read(ld, root, allowed, &a);
    const char *version = st == CEFO_OK ? get(&a, "version") : NULL;
    if (st == CEFO_OK && (!version || strcmp(version, "1") != 0))
        st = fail(ld, a.line, "network", "<network> needs version=\"1\"");
    if (st == CEFO_OK)
        st = string(ld, &a, "currency", &ld->net->currency);
    attrs_free(&a);
    if (st == CEFO_OK)
        st = collect(ld, root, 0);
    typedef cefo_status (*load_fn)(loader *, xmlNode *, attrs *);
    static const load_fn load[5] = {load_pollutant, load_material, load_process, load_link,
                                    load_demand};
    for (int k = 0; k < 5 && st == CEFO_OK; k++) {
        for (size_t i = 0; i < ld->count[k] && st == CEFO_OK; i++) {
            st = load[k](ld, ld->nodes[k][i], &a);
            attrs_free(&a);
        }
    }
    return st == CEFO_OK ? cefo__network_validate(ld->net, ld->err) : st;
}

cefo_status cefo_network_load_memory(cefo_network **out, const char *data, size_t len,
                                     const char *name, cefo_error *err)
{
    if (!out || (!data && len))
        return cefo__error(err, CEFO_ERR_ARG, name, 0, NULL, "no output pointer or no data");
    if (!name)
        name = "<memory>";
    if (len == 0)
        return cefo__error(err, CEFO_ERR_PARSE, name, 1, NULL, "the input is empty");
    xmlDoc *doc = NULL;
    cefo_status st = cefo__xml_parse(data, len, name, &doc, err);
    if (st != CEFO_OK)
        return st;
    loader ld = {.err = err};
    ld.net = cefo__network_new(name);
    st = ld.net ? load_root(&ld, xmlDocGetRootElement(doc))
                : cefo__error(err, CEFO_ERR_NOMEM, name, 0, NULL, "out of memory");
    for (int k = 0; k < 5; k++)
        cefo__free(ld.nodes[k]);
    xmlFreeDoc(doc);
    if (st != CEFO_OK) {
        cefo_network_free(ld.net);
        return st;
    }
    *out = ld.net;
    return CEFO_OK;
}

cefo_status cefo_network_load_file(cefo_network **out, const char *path, cefo_error *err)
{
    if (!out || !path)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "no output pointer or no path");
    char *buf;
    size_t len;
    cefo_status st = cefo__read_file(path, &buf, &len, err);
    if (st != CEFO_OK)
        return st;
    st = cefo_network_load_memory(out, buf, len, path, err);
    cefo__free(buf);
    return st;
}
