/* patch.c - applies what-if edits to the network's DOM before it is turned into a network. */
#include "io/patch.h"

#include <libxml/xpath.h>
#include <math.h>
#include <string.h>

#include "core/error.h"
#include "io/fmt.h"
#include "io/number.h"
#include "io/xmldoc.h"

/* XPath errors are reported through our status; libxml2 must not print them. */
void cefo__xpath_quiet(void *data, xmlErrorPtr e)
{
    (void)data, (void)e;
}

static cefo_status fail(const cefo__patch *p, cefo_error *err, const char *what)
{
    return cefo__error(err, CEFO_ERR_INVALID, p->file, p->line, "scenario", "selector \"%s\" %s",
                       p->sel, what);
}

static cefo_status scale_attr(const cefo__patch *p, xmlNode *elem, const xmlChar *name,
                              cefo_error *err)
{
    xmlChar *old = xmlGetProp(elem, name);
    if (!old)
        return cefo__error(err, CEFO_ERR_INVALID, p->file, p->line, "scenario",
                           "selector \"%s\": <%s> at line %ld has no %s to scale", p->sel,
                           elem->name, xmlGetLineNo(elem), name);
    double v;
    const char *why;
    int bad = cefo__parse_number((const char *)old, &v, &why);
    xmlFree(old);
    if (bad)
        return cefo__error(err, CEFO_ERR_INVALID, p->file, p->line, "scenario",
                           "selector \"%s\": the %s of <%s> at line %ld %s", p->sel, name,
                           elem->name, xmlGetLineNo(elem), why);
    char buf[32];
    cefo__locale saved;
    cefo__c_locale_push(&saved);
    const char *text = cefo__fmt_num(buf, v * p->factor, "");
    cefo__c_locale_pop(&saved);
    return xmlSetProp(elem, name, (const xmlChar *)text) ? CEFO_OK : CEFO_ERR_NOMEM;
}

/* Copies the element children of the edit's content next to or into `target`. */
static cefo_status add_children(const cefo__patch *p, xmlNode *target, cefo_error *err)
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

static cefo_status apply_one(const cefo__patch *p, xmlNode *node, cefo_error *err)
{
    int is_attr = node->type == XML_ATTRIBUTE_NODE;
    switch (p->kind) {
    case CEFO__PATCH_SCALE:
        if (is_attr)
            return scale_attr(p, node->parent, node->name, err);
        if (!p->attr)
            return fail(p, err, "selects an element: name the attribute to scale (attr=)");
        return scale_attr(p, node, (const xmlChar *)p->attr, err);
    case CEFO__PATCH_REPLACE:
        if (is_attr) {
            if (!p->value)
                return fail(p, err, "selects an attribute: give its new value as text");
            return xmlSetProp(node->parent, node->name, (const xmlChar *)p->value)
                       ? CEFO_OK
                       : CEFO_ERR_NOMEM;
        }
        if (!first_element(p->content))
            return fail(p, err, "selects an element: give the element that replaces it");
        if (node->parent == NULL || node->parent->type == XML_DOCUMENT_NODE)
            return fail(p, err, "selects the root element, which cannot be replaced");
        {
            xmlNode *copy = xmlDocCopyNode((xmlNode *)first_element(p->content), node->doc, 1);
            if (!copy)
                return CEFO_ERR_NOMEM;
            xmlReplaceNode(node, copy);
            xmlFreeNode(node);
        }
        return CEFO_OK;
    case CEFO__PATCH_REMOVE:
        if (node->parent == NULL || node->parent->type == XML_DOCUMENT_NODE)
            return fail(p, err, "selects the root element, which cannot be removed");
        if (is_attr)
            xmlRemoveProp((xmlAttr *)node);
        else {
            xmlUnlinkNode(node);
            xmlFreeNode(node);
        }
        return CEFO_OK;
    case CEFO__PATCH_ADD:
        if (is_attr)
            return fail(p, err, "selects an attribute: add needs an element");
        return add_children(p, node, err);
    }
    return CEFO_ERR_ARG;
}

cefo_status cefo__patch_apply(xmlDoc *doc, const cefo__patch *p, cefo_error *err)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    if (!ctx)
        return cefo__error(err, CEFO_ERR_NOMEM, p->file, p->line, NULL, "out of memory");
    ctx->error = cefo__xpath_quiet;
    cefo__xml_quiet saved;
    cefo__xml_quiet_begin(&saved, NULL, cefo__xpath_quiet);
    xmlXPathObjectPtr res = xmlXPathEvalExpression((const xmlChar *)p->sel, ctx);
    cefo_status st = CEFO_OK;
    if (!res)
        st = fail(p, err, "is not a valid XPath expression");
    else if (res->type != XPATH_NODESET || !res->nodesetval || res->nodesetval->nodeNr == 0)
        st = fail(p, err, "matches nothing (a typo?)");
    /* Removal and replacement free nodes: apply from the last match backwards, so that a
     * match inside an earlier one is handled before its ancestor goes. */
    for (int i = st == CEFO_OK ? res->nodesetval->nodeNr - 1 : -1; i >= 0 && st == CEFO_OK; i--) {
        st = apply_one(p, res->nodesetval->nodeTab[i], err);
        /* The node may be freed now: freeing the node set must not look at it again. */
        res->nodesetval->nodeTab[i] = NULL;
    }
    if (st == CEFO_ERR_NOMEM && err && err->code != CEFO_ERR_NOMEM)
        cefo__error(err, CEFO_ERR_NOMEM, p->file, p->line, NULL, "out of memory");
    cefo__xml_quiet_end(&saved);
    xmlXPathFreeObject(res);
    xmlXPathFreeContext(ctx);
    return st;
}
