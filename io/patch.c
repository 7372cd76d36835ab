/* patch.c - applies what-if edits to the network's DOM before it is turned into a network. */
#include "io/patch.h"

#include <libxml/xpathInternals.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "core/numfmt.h"
#include "io/number.h"
#include "io/xmldoc.h"

/*
 * The work one selector may do, in libxml2's XPath operations: a fixed allowance plus so many
 * per node of the document. Ordinary selectors, even on a 100,000-firm network, use a few per
 * node; one that nests node-set scans is polynomial in the document and is stopped here:
 * libxml2 counts steps and visited nodes, some 10^8 a second, so within a fraction of a second
 * on a small network and about a second on the largest.
 */
#define XPATH_BASE_OPS 1000000UL
#define XPATH_OPS_PER_NODE 100UL

/* XPath errors are reported through our status; libxml2 must not print them. */
static void xpath_quiet(void *data, xmlErrorPtr e)
{
    (void)data, (void)e;
}

static unsigned long count_nodes(const xmlNode *n)
{
    unsigned long count = 0;
    for (; n; n = n->next) {
        count++;
        if (n->type == XML_ELEMENT_NODE) {
            for (const xmlAttr *a = n->properties; a; a = a->next)
                count++;
            count += count_nodes(n->children);
        }
    }
    return count;
}

cefo_status cefo__xpath_select(xmlDoc *doc, const char *sel, const char *file, int line,
                               xmlXPathObjectPtr *out, cefo_error *err)
{
    *out = NULL;
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    if (!ctx)
        return cefo__error(err, CEFO_ERR_NOMEM, file, line, NULL, "out of memory");
    ctx->error = xpath_quiet;
    unsigned long limit = XPATH_BASE_OPS + XPATH_OPS_PER_NODE * count_nodes(doc->children);
    ctx->opLimit = limit;
    cefo__xml_quiet saved;
    cefo__xml_quiet_begin(&saved, NULL, xpath_quiet);
    xmlXPathObjectPtr res = xmlXPathEvalExpression((const xmlChar *)sel, ctx);
    cefo__xml_quiet_end(&saved);
    int code = ctx->lastError.code - XML_XPATH_EXPRESSION_OK;
    xmlXPathFreeContext(ctx);
    cefo_status st = CEFO_OK;
    if (!res && (code == XPATH_OP_LIMIT_EXCEEDED || code == XPATH_RECURSION_LIMIT_EXCEEDED))
        st = cefo__error(err, CEFO_ERR_INVALID, file, line, NULL,
                         "selector \"%s\" takes too much work (it was stopped after %lu XPath "
                         "operations): select more directly", sel, limit);
    else if (!res && code == XPATH_MEMORY_ERROR)
        st = cefo__error(err, CEFO_ERR_NOMEM, file, line, NULL, "out of memory");
    else if (!res)
        st = cefo__error(err, CEFO_ERR_INVALID, file, line, NULL,
                         "selector \"%s\" is not a valid XPath expression", sel);
    else if (res->type != XPATH_NODESET)
        st = cefo__error(err, CEFO_ERR_INVALID, file, line, NULL,
                         "selector \"%s\" gives a value, not nodes of the network", sel);
    else if (!res->nodesetval || res->nodesetval->nodeNr == 0)
        st = cefo__error(err, CEFO_ERR_INVALID, file, line, NULL,
                         "selector \"%s\" matches nothing (a typo?)", sel);
    if (st != CEFO_OK)
        xmlXPathFreeObject(res);
    else
        *out = res;
    return st;
}

static cefo_status fail(const cefo__patch *p, cefo_error *err, const char *what)
{
    return cefo__error(err, CEFO_ERR_INVALID, p->file, p->line, "scenario", "selector \"%s\" %s",
                       p->sel, what);
}

void cefo__patch_marks_free(cefo__patch_marks *m)
{
    cefo__free(m->v);
    *m = (cefo__patch_marks){0};
}

/* Records `elem` (and, for copies, everything inside it) as written by edit p. */
static cefo_status mark(cefo__patch_marks *m, const cefo__patch *p, const xmlNode *elem,
                        int copy)
{
    for (; m && elem; elem = copy ? elem->next : NULL) {
        if (elem->type != XML_ELEMENT_NODE)
            continue;
        if (cefo__grow((void **)&m->v, &m->cap, m->n + 1, sizeof *m->v) != 0)
            return CEFO_ERR_NOMEM;
        cefo__patch_mark *k = &m->v[m->n++];
        *k = (cefo__patch_mark){.line = cefo__xml_line(elem), .copy = copy, .file = p->file,
                                .edit_line = p->line};
        snprintf(k->element, sizeof k->element, "%s", (const char *)elem->name);
        if (copy && mark(m, p, elem->children, 1) != CEFO_OK)
            return CEFO_ERR_NOMEM;
    }
    return CEFO_OK;
}

void cefo__patch_blame(const cefo__patch_marks *m, const char *path, cefo_error *err)
{
    if (!m || !err || err->code != CEFO_ERR_INVALID || strcmp(err->file, path) != 0)
        return;
    for (size_t i = m->n; i-- > 0;) {
        const cefo__patch_mark *k = &m->v[i];
        if (k->line != err->line || (err->element[0] && strcmp(k->element, err->element) != 0))
            continue;
        if (k->copy) { /* the element was copied from the edit's file: its line is there */
            snprintf(err->file, sizeof err->file, "%s", k->file);
            return;
        }
        char where[sizeof err->file + 64];
        snprintf(where, sizeof where, " (set on <%s> at %s:%d)", k->element, path, k->line);
        size_t len = strlen(err->message);
        snprintf(err->message + len, sizeof err->message - len, "%s", where);
        snprintf(err->file, sizeof err->file, "%s", k->file);
        err->line = k->edit_line;
        return;
    }
}

static cefo_status scale_attr(const cefo__patch *p, xmlNode *elem, const xmlChar *name,
                              cefo__patch_marks *marks, cefo_error *err)
{
    xmlChar *old = xmlGetProp(elem, name);
    if (!old)
        return cefo__error(err, CEFO_ERR_INVALID, p->file, p->line, "scenario",
                           "selector \"%s\": <%s> at line %d has no %s to scale", p->sel,
                           elem->name, cefo__xml_line(elem), name);
    double v;
    const char *why;
    int bad = cefo__parse_number((const char *)old, &v, &why);
    xmlFree(old);
    if (bad)
        return cefo__error(err, CEFO_ERR_INVALID, p->file, p->line, "scenario",
                           "selector \"%s\": the %s of <%s> at line %d %s", p->sel, name,
                           elem->name, cefo__xml_line(elem), why);
    if (!isfinite(v * p->factor))
        return cefo__error(err, CEFO_ERR_INVALID, p->file, p->line, "scenario",
                           "selector \"%s\": the %s of <%s> at line %d times %g is too large",
                           p->sel, name, elem->name, cefo__xml_line(elem), p->factor);
    char buf[32];
    cefo__locale saved;
    cefo__c_locale_push(&saved);
    const char *text = cefo__fmt_num(buf, v * p->factor, "");
    cefo__c_locale_pop(&saved);
    if (!xmlSetProp(elem, name, (const xmlChar *)text))
        return CEFO_ERR_NOMEM;
    return mark(marks, p, elem, 0);
}

static cefo_status set_attr(const cefo__patch *p, xmlNode *elem, const xmlChar *name,
                            cefo__patch_marks *marks)
{
    if (!xmlSetProp(elem, name, (const xmlChar *)p->value))
        return CEFO_ERR_NOMEM;
    return mark(marks, p, elem, 0);
}

/* Copies the element children of the edit's content next to or into `target`. */
static cefo_status add_children(const cefo__patch *p, xmlNode *target, cefo__patch_marks *marks,
                                cefo_error *err)
{
    for (const xmlNode *c = p->content->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        xmlNode *copy = xmlDocCopyNode((xmlNode *)c, target->doc, 1);
        xmlNode *done = NULL;
        if (!copy)
            return cefo__error(err, CEFO_ERR_NOMEM, p->file, p->line, NULL, "out of memory");
        if (!p->pos)
            done = xmlAddChild(target, copy);
        else if (strcmp(p->pos, "prepend") == 0)
            done = target->children ? xmlAddPrevSibling(target->children, copy)
                                    : xmlAddChild(target, copy);
        else if (strcmp(p->pos, "before") == 0)
            done = xmlAddPrevSibling(target, copy);
        else
            done = xmlAddNextSibling(target, copy);
        if (!done) {
            xmlFreeNode(copy);
            return cefo__error(err, CEFO_ERR_NOMEM, p->file, p->line, NULL, "out of memory");
        }
        if (mark(marks, p, done, 1) != CEFO_OK)
            return CEFO_ERR_NOMEM;
    }
    return CEFO_OK;
}

static const xmlNode *first_element(const xmlNode *n)
{
    for (n = n ? n->children : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            return n;
    return NULL;
}

static const char *kind_name(const xmlNode *node)
{
    switch (node->type) {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE: return "text";
    case XML_COMMENT_NODE: return "a comment";
    case XML_PI_NODE: return "a processing instruction";
    case XML_NAMESPACE_DECL: return "a namespace";
    case XML_DOCUMENT_NODE: return "the document itself";
    default: return "a node that is neither an element nor an attribute";
    }
}

static int is_root(const xmlNode *node)
{
    return node->parent == NULL || node->parent->type == XML_DOCUMENT_NODE;
}

/* Whether edit p can apply to `node`: CEFO_OK, or the reason it cannot; nothing changed yet. */
static cefo_status check_one(const cefo__patch *p, const xmlNode *node, cefo_error *err)
{
    char why[200];
    if (node->type == XML_ATTRIBUTE_NODE) {
        if (p->kind == CEFO__PATCH_ADD)
            return fail(p, err, "selects an attribute: add needs an element");
        if (p->attr)
            return fail(p, err, "selects attributes: leave out attr= (or select elements)");
        if (p->kind == CEFO__PATCH_REPLACE && !p->value)
            return fail(p, err, "selects an attribute: give its new value as text");
        return CEFO_OK;
    }
    if (node->type != XML_ELEMENT_NODE) {
        int line = node->type == XML_NAMESPACE_DECL ? 0 : cefo__xml_line(node);
        int n = snprintf(why, sizeof why, "selects %s", kind_name(node));
        if (line > 0)
            n += snprintf(why + n, sizeof why - (size_t)n, " at line %d", line);
        snprintf(why + n, sizeof why - (size_t)n, ": an edit applies to elements and attributes "
                                                  "only");
        return fail(p, err, why);
    }
    if (p->kind == CEFO__PATCH_SCALE && !p->attr)
        return fail(p, err, "selects an element: name the attribute to scale (attr=)");
    if (p->kind == CEFO__PATCH_REPLACE && p->attr && !p->value)
        return fail(p, err, "with attr= needs the new value as text");
    if (p->kind == CEFO__PATCH_REPLACE && !p->attr && !first_element(p->content))
        return fail(p, err, "selects an element: give the element that replaces it");
    if (p->kind == CEFO__PATCH_REMOVE && p->attr && !xmlHasProp(node, (const xmlChar *)p->attr))
        return cefo__error(err, CEFO_ERR_INVALID, p->file, p->line, "scenario",
                           "selector \"%s\": <%s> at line %d has no %s to remove", p->sel,
                           node->name, cefo__xml_line(node), p->attr);
    if (!p->attr && (p->kind == CEFO__PATCH_REMOVE || p->kind == CEFO__PATCH_REPLACE)
        && is_root(node))
        return fail(p, err, p->kind == CEFO__PATCH_REMOVE
                                ? "selects the root element, which cannot be removed"
                                : "selects the root element, which cannot be replaced");
    return CEFO_OK;
}

static cefo_status apply_one(const cefo__patch *p, xmlNode *node, cefo__patch_marks *marks,
                             cefo_error *err)
{
    int is_attr = node->type == XML_ATTRIBUTE_NODE;
    xmlNode *elem = is_attr ? node->parent : node;
    const xmlChar *name = is_attr ? node->name : (const xmlChar *)p->attr;
    switch (p->kind) {
    case CEFO__PATCH_SCALE: return scale_attr(p, elem, name, marks, err);
    case CEFO__PATCH_REPLACE:
        if (is_attr || p->attr)
            return set_attr(p, elem, name, marks);
        {
            xmlNode *copy = xmlDocCopyNode((xmlNode *)first_element(p->content), node->doc, 1);
            if (!copy)
                return CEFO_ERR_NOMEM;
            xmlReplaceNode(node, copy);
            xmlFreeNode(node);
            return mark(marks, p, copy, 1);
        }
    case CEFO__PATCH_REMOVE:
        if (is_attr)
            xmlRemoveProp((xmlAttr *)node);
        else if (p->attr)
            xmlRemoveProp(xmlHasProp(node, (const xmlChar *)p->attr));
        else {
            xmlUnlinkNode(node);
            xmlFreeNode(node);
        }
        return CEFO_OK;
    case CEFO__PATCH_ADD: return add_children(p, node, marks, err);
    }
    return CEFO_ERR_ARG;
}

/* The attribute name NAME of a selector ending in "/@NAME", or NULL. */
static const char *last_attribute(const char *sel)
{
    const char *at = strrchr(sel, '@');
    if (!at || at - sel < 2 || at[-1] != '/' || !(isalpha((unsigned char)at[1]) || at[1] == '_'))
        return NULL;
    for (const char *c = at + 1; *c; c++)
        if (!isalnum((unsigned char)*c) && *c != '_' && *c != '-' && *c != '.')
            return NULL;
    return at + 1;
}

/*
 * A --set "SEL/@NAME=VALUE" that matched nothing: when SEL picks elements (and only elements),
 * none of which has NAME, NAME is added to each (a cap on a pollutant without one). Returns 1
 * with the status in *st when it applied; 0 leaves the "matches nothing" error as it was.
 */
static int add_missing(xmlDoc *doc, const cefo__patch *p, cefo__patch_marks *marks,
                       cefo_status *st, cefo_error *err)
{
    const char *name = last_attribute(p->sel);
    if (!name || !err || !strstr(err->message, "matches nothing"))
        return 0;
    size_t len = (size_t)(name - 2 - p->sel);
    char *elems = cefo__malloc(len + 1);
    if (!elems) {
        *st = cefo__error(err, CEFO_ERR_NOMEM, p->file, p->line, NULL, "out of memory");
        return 1;
    }
    memcpy(elems, p->sel, len);
    elems[len] = '\0';
    xmlXPathObjectPtr res = NULL;
    cefo_error quiet = {0};
    int ok = cefo__xpath_select(doc, elems, p->file, p->line, &res, &quiet) == CEFO_OK;
    for (int i = 0; ok && i < res->nodesetval->nodeNr; i++)
        ok = res->nodesetval->nodeTab[i]->type == XML_ELEMENT_NODE;
    cefo_status set = CEFO_OK;
    for (int i = 0; ok && i < res->nodesetval->nodeNr && set == CEFO_OK; i++)
        set = set_attr(p, res->nodesetval->nodeTab[i], (const xmlChar *)name, marks);
    if (ok)
        *st = set;
    if (ok && set == CEFO_ERR_NOMEM)
        cefo__error(err, CEFO_ERR_NOMEM, p->file, p->line, NULL, "out of memory");
    else if (ok)
        *err = (cefo_error){0};
    xmlXPathFreeObject(res);
    cefo__free(elems);
    return ok;
}

cefo_status cefo__patch_apply(xmlDoc *doc, const cefo__patch *p, cefo__patch_marks *marks,
                              cefo_error *err)
{
    xmlXPathObjectPtr res;
    cefo_status st = cefo__xpath_select(doc, p->sel, p->file, p->line, &res, err);
    if (st == CEFO_ERR_INVALID && p->add_attr && p->kind == CEFO__PATCH_REPLACE && p->value
        && add_missing(doc, p, marks, &st, err))
        return st;
    xmlNodeSetPtr set = st == CEFO_OK ? res->nodesetval : NULL;
    for (int i = 0; set && i < set->nodeNr && st == CEFO_OK; i++)
        st = check_one(p, set->nodeTab[i], err);
    /* Removal and replacement free nodes: apply from the last match backwards, so that a
     * match inside an earlier one is handled before its ancestor goes. */
    for (int i = st == CEFO_OK ? set->nodeNr - 1 : -1; i >= 0 && st == CEFO_OK; i--) {
        st = apply_one(p, set->nodeTab[i], marks, err);
        /* The node may be freed now: freeing the node set must not look at it again (the set
         * holds no namespace copies of its own: check_one refused those). */
        set->nodeTab[i] = NULL;
    }
    if (st == CEFO_ERR_NOMEM && err && err->code != CEFO_ERR_NOMEM)
        cefo__error(err, CEFO_ERR_NOMEM, p->file, p->line, NULL, "out of memory");
    xmlXPathFreeObject(res);
    return st;
}
