/* scenario_xml.c - loads <scenarios version="1"> and applies edits to a network document. */
#include <libxml/tree.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "core/strmap.h"
#include "io/loaders.h"
#include "io/patch.h"
#include "io/xmlattr.h"
#include "io/xmldoc.h"

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

cefo_status cefo_scenarios_load_file(cefo_scenarios **out, const char *path, cefo_error *err)
{
    if (!out || !path)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "no output pointer or no path");
    char *buf;
    size_t len;
    cefo_status st = cefo__read_file(path, &buf, &len, err);
    if (st != CEFO_OK)
        return st;
    cefo_scenarios *s = cefo__calloc(1, sizeof *s);
    if (!s || !(s->file = cefo__strdup(path)))
        st = cefo__error(err, CEFO_ERR_NOMEM, path, 0, NULL, "out of memory");
    else if (len == 0)
        st = cefo__error(err, CEFO_ERR_PARSE, path, 1, NULL, "the input is empty");
    else
        st = cefo__xml_parse(buf, len, path, &s->doc, err);
    cefo__free(buf);
    cefo__xctx x = {path, err};
    xmlNode *root = st == CEFO_OK ? xmlDocGetRootElement(s->doc) : NULL;
    cefo__attrs a = {0};
    static const char *const allowed[] = {"version", NULL};
    if (st == CEFO_OK && (root->ns || strcmp((const char *)root->name, "scenarios") != 0))
        st = cefo__xfail(&x, cefo__xml_line(root), NULL, "the root element must be <scenarios>");
    if (st == CEFO_OK)
        st = cefo__attrs_read(&x, root, allowed, &a);
    if (st == CEFO_OK && (!cefo__attr(&a, "version") || strcmp(cefo__attr(&a, "version"), "1")))
        st = cefo__xfail(&x, a.line, "scenarios", "<scenarios> needs version=\"1\"");
    cefo__attrs_free(&a);
    for (xmlNode *c = root ? root->children : NULL; c && st == CEFO_OK; c = c->next) {
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

cefo_status cefo_network_load_edited(cefo_network **out, const char *path,
                                     const cefo_scenarios *s, const char *scenario,
                                     const cefo_edit *edits, size_t nedits, cefo_error *err)
{
    if (!out || !path || (nedits && !edits))
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad arguments");
    char *buf;
    size_t len;
    xmlDoc *doc = NULL;
    cefo_status st = cefo__read_file(path, &buf, &len, err);
    if (st != CEFO_OK)
        return st;
    st = len ? cefo__xml_parse(buf, len, path, &doc, err)
             : cefo__error(err, CEFO_ERR_PARSE, path, 1, NULL, "the input is empty");
    cefo__free(buf);
    if (st == CEFO_OK)
        st = apply_edits(doc, s, scenario, edits, nedits, err);
    if (st == CEFO_OK)
        st = cefo__network_from_doc(out, doc, path, err);
    xmlFreeDoc(doc);
    return st;
}
