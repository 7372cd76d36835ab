/* scenario_xml.c - loads <scenarios version="1"> and applies edits to a network document. */
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <stdlib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "core/strmap.h"
#include "io/loaders.h"
#include "io/number.h"
#include "io/patch.h"
#include "io/xmlattr.h"
#include "io/xmldoc.h"
#include "models/network.h"

typedef struct scenario_ops {
    char *id;
    char *name;
    cefo__patch *ops;
    size_t nops;
    int line;
} scenario_ops;

struct cefo_scenarios {
    char *file;
    xmlDoc *doc;        /* kept: replace and add copy their content from it */
    scenario_ops *v;
    size_t n, cap;
    char **strings;     /* everything the ops point to */
    size_t nstrings, capstrings;
    cefo__strmap ids;
};

void cefo_scenarios_free(cefo_scenarios *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        cefo__free(s->v[i].id);
        cefo__free(s->v[i].name);
        cefo__free(s->v[i].ops);
    }
    for (size_t i = 0; i < s->nstrings; i++)
        cefo__free(s->strings[i]);
    cefo__free(s->strings);
    cefo__free(s->v);
    cefo__strmap_free(&s->ids);
    xmlFreeDoc(s->doc);
    cefo__free(s->file);
    cefo__free(s);
}

/* A copy owned by the scenarios (NULL stays NULL). Returns -1 when out of memory. */
static int keep(cefo_scenarios *s, const char *v, const char **out)
{
    *out = NULL;
    if (!v)
        return 0;
    char *c = cefo__strdup(v);
    if (!c || cefo__grow((void **)&s->strings, &s->capstrings, s->nstrings + 1,
                         sizeof *s->strings) != 0) {
        cefo__free(c);
        return -1;
    }
    s->strings[s->nstrings++] = c;
    *out = c;
    return 0;
}

static cefo_status load_op(cefo_scenarios *s, const cefo__xctx *x, xmlNode *node, cefo__patch *op)
{
    static const char *const kinds[] = {"replace", "scale", "remove", "add", NULL};
    /* attr= names the attribute of the selected elements to replace, scale or remove. */
    static const char *const allowed[][4] = {{"sel", "attr", NULL},
                                             {"sel", "attr", "factor", NULL},
                                             {"sel", "attr", NULL},
                                             {"sel", "pos", NULL}};
    cefo__attrs a = {0};
    int k = 0;
    while (kinds[k] && strcmp(kinds[k], (const char *)node->name) != 0)
        k++;
    if (!kinds[k])
        return cefo__xfail(x, cefo__xml_line(node), (const char *)node->name,
                           "<%s> is not an edit (replace, scale, remove, add)", node->name);
    *op = (cefo__patch){.kind = (cefo__patch_kind)k, .factor = NAN, .file = s->file,
                        .line = cefo__xml_line(node), .content = node};
    const char *sel, *pos;
    cefo_status st = cefo__attrs_read(x, node, allowed[k], &a);
    if (st == CEFO_OK)
        st = cefo__attr_need(x, &a, "sel", &sel);
    if (st == CEFO_OK && op->kind == CEFO__PATCH_SCALE) {
        st = cefo__attr_number(x, &a, "factor", 0, &op->factor);
        if (st == CEFO_OK && isnan(op->factor))
            st = cefo__xfail(x, a.line, a.element, "<scale> needs attribute 'factor'");
    }
    pos = cefo__attr(&a, "pos");
    if (st == CEFO_OK && pos && strcmp(pos, "prepend") && strcmp(pos, "before")
        && strcmp(pos, "after"))
        st = cefo__xfail(x, a.line, a.element, "pos=\"%s\" must be prepend, before or after",
                         pos);
    if (st == CEFO_OK && (keep(s, sel, &op->sel) || keep(s, cefo__attr(&a, "attr"), &op->attr)
                          || keep(s, pos, &op->pos)))
        st = cefo__xnomem(x);
    if (st == CEFO_OK && op->kind == CEFO__PATCH_REPLACE && !xmlFirstElementChild(node)) {
        xmlChar *text = xmlNodeGetContent(node);
        char *t = (char *)text, *e;
        while (t && (*t == ' ' || *t == '\n' || *t == '\t' || *t == '\r'))
            t++;
        for (e = t ? t + strlen(t) : NULL; e && e > t && (e[-1] == ' ' || e[-1] == '\n'
                                                        || e[-1] == '\t' || e[-1] == '\r');)
            *--e = '\0';
        if (!text || keep(s, t, &op->value))
            st = cefo__xnomem(x);
        xmlFree(text);
    }
    cefo__attrs_free(&a);
    return st;
}

static cefo_status load_scenario(cefo_scenarios *s, const cefo__xctx *x, xmlNode *node)
{
    static const char *const allowed[] = {"id", "name", NULL};
    cefo__attrs a = {0};
    const char *id;
    cefo_status st = cefo__attrs_read(x, node, allowed, &a);
    if (st == CEFO_OK)
        st = cefo__attr_need(x, &a, "id", &id);
    if (st == CEFO_OK && cefo__grow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v) != 0)
        st = cefo__xnomem(x);
    scenario_ops *sc = st == CEFO_OK ? &s->v[s->n++] : NULL;
    if (sc) {
        *sc = (scenario_ops){.line = a.line};
        if (!(sc->id = cefo__strdup(id)))
            st = cefo__xnomem(x);
    }
    if (st == CEFO_OK)
        st = cefo__attr_string(x, &a, "name", &sc->name);
    if (st == CEFO_OK) {
        int r = cefo__strmap_put(&s->ids, sc->id, s->n - 1);
        st = r < 0 ? cefo__xnomem(x)
             : r > 0 ? cefo__xfail(x, a.line, "scenario", "duplicate scenario id '%s'", id)
                     : CEFO_OK;
    }
    size_t cap = 0;
    for (xmlNode *c = node->children; c && st == CEFO_OK; c = c->next) {
        st = cefo__xml_check_text(x, c);
        if (st != CEFO_OK || c->type != XML_ELEMENT_NODE)
            continue;
        if (cefo__grow((void **)&sc->ops, &cap, sc->nops + 1, sizeof *sc->ops) != 0)
            st = cefo__xnomem(x);
        else
            st = load_op(s, x, c, &sc->ops[sc->nops++]);
    }
    cefo__attrs_free(&a);
    return st;
}

/* The scenarios of a parsed document (taken over: freed with the scenarios). */
static cefo_status scenarios_from_doc(cefo_scenarios **out, xmlDoc *doc, const char *name,
                                      cefo_error *err)
{
    cefo_scenarios *s = cefo__calloc(1, sizeof *s);
    if (!s || !(s->file = cefo__strdup(name))) {
        cefo__free(s);
        xmlFreeDoc(doc);
        return cefo__error(err, CEFO_ERR_NOMEM, name, 0, NULL, "out of memory");
    }
    s->doc = doc;
    cefo__xctx x = {s->file, err};
    xmlNode *root = xmlDocGetRootElement(s->doc);
    cefo__attrs a = {0};
    static const char *const allowed[] = {"version", NULL};
    cefo_status st = CEFO_OK;
    if (!root || root->ns || strcmp((const char *)root->name, "scenarios") != 0)
        st = cefo__xfail(&x, root ? cefo__xml_line(root) : 1, NULL,
                         "the root element must be <scenarios>");
    if (st == CEFO_OK)
        st = cefo__attrs_read(&x, root, allowed, &a);
    if (st == CEFO_OK && (!cefo__attr(&a, "version") || strcmp(cefo__attr(&a, "version"), "1")))
        st = cefo__xfail(&x, a.line, "scenarios", "<scenarios> needs version=\"1\"");
    cefo__attrs_free(&a);
    for (xmlNode *c = st == CEFO_OK ? root->children : NULL; c && st == CEFO_OK; c = c->next) {
        st = cefo__xml_check_text(&x, c);
        if (st != CEFO_OK || c->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)c->name, "scenario") != 0)
            st = cefo__xfail(&x, cefo__xml_line(c), (const char *)c->name,
                             "unknown element <%s> in <scenarios>", c->name);
        else
            st = load_scenario(s, &x, c);
    }
    if (st != CEFO_OK) {
        cefo_scenarios_free(s);
        return st;
    }
    *out = s;
    return CEFO_OK;
}

cefo_status cefo_scenarios_load_file(cefo_scenarios **out, const char *path, cefo_error *err)
{
    if (!out || !path)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "no output pointer or no path");
    xmlDoc *doc = NULL;
    cefo_status st = cefo__xml_parse_file(path, &doc, err);
    return st == CEFO_OK ? scenarios_from_doc(out, doc, path, err) : st;
}

cefo_status cefo_scenarios_load_memory(cefo_scenarios **out, const char *data, size_t len,
                                       const char *name, cefo_error *err)
{
    if (!out)
        return cefo__error(err, CEFO_ERR_ARG, name, 0, NULL, "no output pointer");
    if (!name)
        name = "<memory>";
    xmlDoc *doc = NULL;
    cefo_status st = cefo__xml_parse_input(data, len, name, &doc, err);
    return st == CEFO_OK ? scenarios_from_doc(out, doc, name, err) : st;
}

size_t cefo_scenarios_count(const cefo_scenarios *s)
{
    return s ? s->n : 0;
}

const char *cefo_scenarios_id(const cefo_scenarios *s, size_t i)
{
    return s && i < s->n ? s->v[i].id : NULL;
}

const char *cefo_scenarios_name(const cefo_scenarios *s, size_t i)
{
    return s && i < s->n ? (s->v[i].name ? s->v[i].name : s->v[i].id) : NULL;
}

int cefo_scenarios_line(const cefo_scenarios *s, size_t i)
{
    return s && i < s->n ? s->v[i].line : 0;
}

static cefo_status apply_edits(xmlDoc *doc, const cefo_scenarios *s, const char *scenario_id,
                               const cefo_edit *edits, size_t nedits, cefo__patch_marks *marks,
                               cefo_error *err)
{
    cefo_status st = CEFO_OK;
    if (!s && scenario_id)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL,
                           "scenario '%s' asked for without a scenario set", scenario_id);
    if (s && scenario_id) {
        size_t i;
        if (!cefo__strmap_get(&s->ids, scenario_id, &i))
            return cefo__error(err, CEFO_ERR_ARG, s->file, 0, NULL, "no scenario '%s'",
                               scenario_id);
        for (size_t k = 0; k < s->v[i].nops && st == CEFO_OK; k++)
            st = cefo__patch_apply(doc, &s->v[i].ops[k], marks, err);
    }
    static const cefo__patch_kind kinds[] = {CEFO__PATCH_REPLACE, CEFO__PATCH_SCALE,
                                             CEFO__PATCH_REMOVE};
    for (size_t k = 0; k < nedits && st == CEFO_OK; k++) {
        if (!edits[k].sel || edits[k].kind < CEFO_EDIT_SET || edits[k].kind > CEFO_EDIT_REMOVE
            || (edits[k].kind == CEFO_EDIT_SET && !edits[k].value)
            || (edits[k].kind == CEFO_EDIT_SCALE && !isfinite(edits[k].factor)))
            return cefo__error(err, CEFO_ERR_ARG, "command line", (int)k + 1, NULL,
                               "edit %zu is incomplete", k + 1);
        cefo__patch p = {.kind = kinds[edits[k].kind], .sel = edits[k].sel,
                         .value = edits[k].value, .factor = edits[k].factor,
                         .file = "command line", .line = (int)k + 1,
                         .add_attr = edits[k].kind == CEFO_EDIT_SET};
        st = cefo__patch_apply(doc, &p, marks, err);
    }
    return st;
}

/* The network of `path` with the scenario's and the caller's edits applied: its document
 * (when `doc` is not NULL, else freed) and the network it makes (when `net` is not NULL). A
 * value an edit wrote that the network's checks refuse is blamed on that edit. */
/* The network document: the `len` bytes at `data`, named `name`, or the file `name` when data
 * is NULL. */
typedef struct input {
    const char *name;
    const char *data;
    size_t len;
} input;

/* The source a network records: the scenario applied (id, name, its file) and the edits. */
static cefo_status record_source(cefo_network *net, const cefo_scenarios *s,
                                 const char *scenario, const cefo_edit *edits, size_t nedits,
                                 cefo_error *err)
{
    size_t i = 0;
    int found = s && scenario && cefo__strmap_get(&s->ids, scenario, &i);
    return cefo__network_set_source(net, found ? s->file : NULL, found ? s->v[i].id : NULL,
                                    found ? cefo_scenarios_name(s, i) : NULL, edits, nedits,
                                    err);
}

static cefo_status edited_network(const input *in, const cefo_scenarios *s,
                                  const char *scenario, const cefo_edit *edits, size_t nedits,
                                  xmlDoc **doc, cefo_network **net, cefo_error *err)
{
    xmlDoc *d = NULL;
    cefo__patch_marks marks = {0};
    const char *path = in->name;
    cefo_status st = in->data ? cefo__xml_parse_input(in->data, in->len, path, &d, err)
                              : cefo__xml_parse_file(path, &d, err);
    if (st == CEFO_OK)
        st = apply_edits(d, s, scenario, edits, nedits, &marks, err);
    if (st == CEFO_OK && net) {
        st = cefo__network_from_doc(net, d, path, err);
        cefo__patch_blame(&marks, path, err);
        if (st == CEFO_OK && (st = record_source(*net, s, scenario, edits, nedits, err)) != CEFO_OK) {
            cefo_network_free(*net);
            *net = NULL;
        }
    }
    cefo__patch_marks_free(&marks);
    if (st == CEFO_OK && doc)
        *doc = d;
    else
        xmlFreeDoc(d);
    return st;
}

cefo_status cefo_network_load_edited(cefo_network **out, const char *path,
                                     const cefo_scenarios *s, const char *scenario,
                                     const cefo_edit *edits, size_t nedits, cefo_error *err)
{
    if (!out || !path || (nedits && !edits))
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad arguments");
    input in = {path, NULL, 0};
    if (!scenario && !nedits) /* no edit: a plain load, which streams */
        return cefo_network_load_file(out, path, err);
    return edited_network(&in, s, scenario, edits, nedits, NULL, out, err);
}

cefo_status cefo_network_load_edited_memory(cefo_network **out, const char *data, size_t len,
                                            const char *name, const cefo_scenarios *s,
                                            const char *scenario, const cefo_edit *edits,
                                            size_t nedits, cefo_error *err)
{
    if (!out || !data || (nedits && !edits))
        return cefo__error(err, CEFO_ERR_ARG, name, 0, NULL, "bad arguments");
    if (!scenario && !nedits) /* no edit: a plain load, which streams */
        return cefo_network_load_memory(out, data, len, name, err);
    input in = {name ? name : "<memory>", data, len};
    return edited_network(&in, s, scenario, edits, nedits, NULL, out, err);
}

/* The index of a <link> among the document's links (the loader keeps them in this order). */
static size_t link_index(const xmlNode *elem, xmlDoc *doc)
{
    size_t index = 0;
    for (const xmlNode *n = xmlDocGetRootElement(doc); n && n != elem;) {
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "link") == 0)
            index++;
        if (n->children && n->type == XML_ELEMENT_NODE)
            n = n->children;
        else {
            while (n && !n->next)
                n = n->parent;
            n = n ? n->next : NULL;
        }
    }
    return index;
}

/* The model item an element stands for (a <demand> stands for its material). */
static int item_of(const xmlNode *elem, const cefo_network *net, xmlDoc *doc, cefo_item *kind,
                   size_t *index)
{
    static const struct {
        const char *element, *id;
        cefo_item kind;
    } items[] = {{"process", "id", CEFO_PROCESS},
                 {"pollutant", "id", CEFO_POLLUTANT},
                 {"material", "id", CEFO_MATERIAL},
                 {"resource", "id", CEFO_RESOURCE},
                 {"demand", "material", CEFO_MATERIAL}};
    if (strcmp((const char *)elem->name, "link") == 0) {
        *kind = CEFO_LINK;
        *index = link_index(elem, doc);
        return 0;
    }
    for (size_t i = 0; i < sizeof items / sizeof *items; i++) {
        if (strcmp((const char *)elem->name, items[i].element) != 0)
            continue;
        xmlChar *id = xmlGetProp((xmlNode *)elem, (const xmlChar *)items[i].id);
        *kind = items[i].kind;
        int bad = !id || cefo_network_find(net, *kind, (const char *)id, index) != CEFO_OK;
        xmlFree(id);
        return bad ? -1 : 0;
    }
    return -1;
}

/* The item an attribute node belongs to, with the loaded network to find indices by id: the
 * element's own item, or for the <input>, <output> and <emission> of a process or material,
 * that item with attribute "ELEMENT/ATTRIBUTE" (not settable in place: it rebuilds). */
static cefo_status target_of(const xmlNode *attr, const cefo_network *net, xmlDoc *doc,
                             cefo_target *t, const char *sel, cefo_error *err)
{
    const xmlNode *elem = attr->parent;
    const char *name = (const char *)elem->name;
    xmlChar *v = xmlNodeGetContent((xmlNode *)attr);
    double num = NAN;
    const char *why;
    if (v && cefo__parse_number((const char *)v, &num, &why) != 0)
        num = NAN;
    xmlFree(v);
    memset(t, 0, sizeof *t);
    snprintf(t->attribute, sizeof t->attribute, "%s", (const char *)attr->name);
    t->value = num;
    t->weight = 1;
    int bad;
    if (strcmp(name, "input") == 0 || strcmp(name, "output") == 0
        || strcmp(name, "emission") == 0) {
        snprintf(t->attribute, sizeof t->attribute, "%s/%s", name, (const char *)attr->name);
        bad = !elem->parent || elem->parent->type != XML_ELEMENT_NODE
              || item_of(elem->parent, net, doc, &t->kind, &t->index) != 0;
    } else {
        bad = item_of(elem, net, doc, &t->kind, &t->index) != 0;
        if (!bad && strcmp(name, "demand") == 0 && strcmp((const char *)attr->name, "amount") == 0) {
            snprintf(t->attribute, sizeof t->attribute, "demand");
            t->weight = 0; /* counted by demand_offsets */
        } else if (!bad && strcmp(name, "demand") == 0) {
            snprintf(t->attribute, sizeof t->attribute, "demand/%s", (const char *)attr->name);
        }
    }
    if (bad)
        return cefo__error(err, CEFO_ERR_INVALID, "command line", 0, NULL,
                           "selector \"%s\" picks an attribute of <%s> that is not a "
                           "parameter of the model", sel, name);
    return CEFO_OK;
}

/*
 * A material's demand is the sum of its <demand> elements: setting the k selected ones to v
 * makes it (the unselected ones) + k v, so every target of that material gets offset (the
 * unselected ones) and weight k.
 */
static void demand_offsets(cefo_target *t, size_t n, const cefo_network *net)
{
    for (size_t i = 0; i < n; i++) {
        if (t[i].weight != 0) /* not a demand, or done */
            continue;
        double selected = 0, k = 0;
        for (size_t j = i; j < n; j++)
            if (t[j].kind == CEFO_MATERIAL && t[j].index == t[i].index
                && strcmp(t[j].attribute, "demand") == 0)
                selected += t[j].value, k++;
        for (size_t j = i; j < n; j++)
            if (t[j].kind == CEFO_MATERIAL && t[j].index == t[i].index
                && strcmp(t[j].attribute, "demand") == 0) {
                t[j].offset = net->materials[t[i].index].demand - selected;
                t[j].weight = k;
            }
    }
}

static cefo_status select_in(const input *in, const cefo_scenarios *s, const char *scenario,
                             const cefo_edit *edits, size_t nedits, const char *sel,
                             cefo_target *targets, size_t max, size_t *n,
                             cefo_network **net_out, cefo_error *err)
{
    if (!sel || !n || (max && !targets) || (nedits && !edits))
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad arguments");
    xmlDoc *doc = NULL;
    cefo_network *net = NULL;
    xmlXPathObjectPtr res = NULL;
    *n = 0;
    cefo_status st = edited_network(in, s, scenario, edits, nedits, &doc, &net, err);
    if (st == CEFO_OK)
        st = cefo__xpath_select(doc, sel, "command line", 0, &res, err);
    for (int i = 0; st == CEFO_OK && i < res->nodesetval->nodeNr; i++) {
        xmlNode *node = res->nodesetval->nodeTab[i];
        if (node->type != XML_ATTRIBUTE_NODE)
            st = cefo__error(err, CEFO_ERR_INVALID, "command line", 0, NULL,
                             "selector \"%s\" must pick attributes (end it with /@name)", sel);
        else if (*n < max)
            st = target_of(node, net, doc, &targets[*n], sel, err);
        if (st == CEFO_OK)
            (*n)++;
    }
    if (st == CEFO_OK && *n <= max)
        demand_offsets(targets, *n, net);
    xmlXPathFreeObject(res);
    if (st == CEFO_OK && net_out)
        *net_out = net;
    else
        cefo_network_free(net);
    xmlFreeDoc(doc);
    return st;
}

cefo_status cefo_network_select(const char *path, const cefo_scenarios *s, const char *scenario,
                                const cefo_edit *edits, size_t nedits, const char *sel,
                                cefo_target *targets, size_t max, size_t *n,
                                cefo_network **net_out, cefo_error *err)
{
    if (!path)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad arguments");
    input in = {path, NULL, 0};
    return select_in(&in, s, scenario, edits, nedits, sel, targets, max, n, net_out, err);
}

cefo_status cefo_network_select_memory(const char *data, size_t len, const char *name,
                                       const cefo_scenarios *s, const char *scenario,
                                       const cefo_edit *edits, size_t nedits, const char *sel,
                                       cefo_target *targets, size_t max, size_t *n,
                                       cefo_network **net_out, cefo_error *err)
{
    if (!data)
        return cefo__error(err, CEFO_ERR_ARG, name, 0, NULL, "bad arguments");
    input in = {name ? name : "<memory>", data, len};
    return select_in(&in, s, scenario, edits, nedits, sel, targets, max, n, net_out, err);
}
