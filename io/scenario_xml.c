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
    static const char *const allowed[] = {"sel", "attr", "factor", "pos", NULL};
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
    cefo_status st = cefo__attrs_read(x, node, allowed, &a);
    if (st == CEFO_OK)
        st = cefo__attr_need(x, &a, "sel", &sel);
    if (st == CEFO_OK && op->kind == CEFO__PATCH_SCALE) {
        st = cefo__attr_number(x, &a, "factor", 0, &op->factor);
        if (st == CEFO_OK && isnan(op->factor))
            st = cefo__xfail(x, a.line, a.element, "<scale> needs attribute 'factor'");
    }
    pos = cefo__attr(&a, "pos");
    if (st == CEFO_OK && pos && (op->kind != CEFO__PATCH_ADD
                                 || (strcmp(pos, "prepend") && strcmp(pos, "before")
                                     && strcmp(pos, "after"))))
        st = cefo__xfail(x, a.line, a.element, "pos=\"%s\" is allowed on <add> only, as "
                                               "prepend, before or after", pos);
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
                               const cefo_edit *edits, size_t nedits, cefo_error *err)
{
    cefo_status st = CEFO_OK;
    if (s && scenario_id) {
        size_t i;
        if (!cefo__strmap_get(&s->ids, scenario_id, &i))
            return cefo__error(err, CEFO_ERR_ARG, s->file, 0, NULL, "no scenario '%s'",
                               scenario_id);
        for (size_t k = 0; k < s->v[i].nops && st == CEFO_OK; k++)
            st = cefo__patch_apply(doc, &s->v[i].ops[k], err);
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
                         .file = "command line", .line = (int)k + 1};
        st = cefo__patch_apply(doc, &p, err);
    }
    return st;
}

/* The network document of `path` with the scenario's and the caller's edits applied. */
static cefo_status edited_doc(const char *path, const cefo_scenarios *s, const char *scenario,
                              const cefo_edit *edits, size_t nedits, xmlDoc **doc,
                              cefo_error *err)
{
    *doc = NULL;
    cefo_status st = cefo__xml_parse_file(path, doc, err);
    if (st == CEFO_OK)
        st = apply_edits(*doc, s, scenario, edits, nedits, err);
    if (st != CEFO_OK) {
        xmlFreeDoc(*doc);
        *doc = NULL;
    }
    return st;
}

cefo_status cefo_network_load_edited(cefo_network **out, const char *path,
                                     const cefo_scenarios *s, const char *scenario,
                                     const cefo_edit *edits, size_t nedits, cefo_error *err)
{
    if (!out || !path || (nedits && !edits))
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad arguments");
    xmlDoc *doc;
    cefo_status st = edited_doc(path, s, scenario, edits, nedits, &doc, err);
    if (st == CEFO_OK)
        st = cefo__network_from_doc(out, doc, path, err);
    xmlFreeDoc(doc);
    return st;
}

/* The item an attribute node belongs to, with the loaded network to find indices by id. */
static cefo_status target_of(const xmlNode *attr, const cefo_network *net, xmlDoc *doc,
                             cefo_target *t, const char *sel, cefo_error *err)
{
    const xmlNode *elem = attr->parent;
    const char *name = (const char *)elem->name;
    xmlChar *v = xmlNodeGetContent((xmlNode *)attr);
    xmlChar *id = NULL;
    double num = NAN;
    const char *why;
    if (v && cefo__parse_number((const char *)v, &num, &why) != 0)
        num = NAN;
    cefo_status st = CEFO_OK;
    memset(t, 0, sizeof *t);
    snprintf(t->attribute, sizeof t->attribute, "%s", (const char *)attr->name);
    t->value = num;
    if (strcmp(name, "process") == 0 || strcmp(name, "pollutant") == 0
        || strcmp(name, "material") == 0 || strcmp(name, "resource") == 0) {
        t->kind = name[0] == 'r'   ? CEFO_RESOURCE
                  : name[0] == 'p' ? (name[2] == 'o' ? CEFO_PROCESS : CEFO_POLLUTANT)
                                   : CEFO_MATERIAL;
        id = xmlGetProp((xmlNode *)elem, (const xmlChar *)"id");
        if (!id || cefo_network_find(net, t->kind, (const char *)id, &t->index) != CEFO_OK)
            st = CEFO_ERR_INVALID;
    } else if (strcmp(name, "demand") == 0) {
        t->kind = CEFO_MATERIAL;
        snprintf(t->attribute, sizeof t->attribute, "demand");
        id = xmlGetProp((xmlNode *)elem, (const xmlChar *)"material");
        if (!id || cefo_network_find(net, CEFO_MATERIAL, (const char *)id, &t->index) != CEFO_OK)
            st = CEFO_ERR_INVALID;
        else
            t->offset = net->materials[t->index].demand - num;
    } else if (strcmp(name, "link") == 0) {
        /* Links have no id: the loader keeps them in document order. */
        t->kind = CEFO_LINK;
        for (xmlNode *n = xmlDocGetRootElement(doc); n;) {
            if (n == elem)
                break;
            if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "link") == 0)
                t->index++;
            if (n->children && n->type == XML_ELEMENT_NODE)
                n = n->children;
            else {
                while (n && !n->next)
                    n = n->parent;
                n = n ? n->next : NULL;
            }
        }
    } else {
        st = CEFO_ERR_INVALID;
    }
    xmlFree(v);
    xmlFree(id);
    if (st != CEFO_OK)
        return cefo__error(err, CEFO_ERR_INVALID, "command line", 0, NULL,
                           "selector \"%s\" picks an attribute of <%s> that is not a "
                           "parameter of the model", sel, name);
    return CEFO_OK;
}

cefo_status cefo_network_select(const char *path, const cefo_scenarios *s, const char *scenario,
                                const cefo_edit *edits, size_t nedits, const char *sel,
                                cefo_target *targets, size_t max, size_t *n,
                                cefo_network **net_out, cefo_error *err)
{
    if (!path || !sel || !n || (max && !targets) || (nedits && !edits))
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad arguments");
    xmlDoc *doc;
    cefo_network *net = NULL;
    *n = 0;
    cefo_status st = edited_doc(path, s, scenario, edits, nedits, &doc, err);
    if (st == CEFO_OK)
        st = cefo__network_from_doc(&net, doc, path, err);
    xmlXPathContextPtr ctx = st == CEFO_OK ? xmlXPathNewContext(doc) : NULL;
    xmlXPathObjectPtr res = NULL;
    if (st == CEFO_OK && !ctx)
        st = cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    if (st == CEFO_OK) {
        ctx->error = cefo__xpath_quiet;
        res = xmlXPathEvalExpression((const xmlChar *)sel, ctx);
        if (!res || res->type != XPATH_NODESET || !res->nodesetval
            || res->nodesetval->nodeNr == 0)
            st = cefo__error(err, CEFO_ERR_INVALID, "command line", 0, NULL,
                             "selector \"%s\" matches nothing (a typo?)", sel);
    }
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
    xmlXPathFreeObject(res);
    xmlXPathFreeContext(ctx);
    if (st == CEFO_OK && net_out)
        *net_out = net;
    else
        cefo_network_free(net);
    xmlFreeDoc(doc);
    return st;
}
