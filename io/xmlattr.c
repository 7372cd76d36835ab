/* xmlattr.c - attribute and child checks shared by the network, IO-table and scenario loaders. */
#include "io/xmlattr.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "io/number.h"
#include "io/xmldoc.h"

cefo_status cefo__xfail(const cefo__xctx *x, int line, const char *element, const char *fmt, ...)
{
    char msg[480];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return cefo__error(x->err, CEFO_ERR_INVALID, x->file, line, element, "%s", msg);
}

cefo_status cefo__xnomem(const cefo__xctx *x)
{
    return cefo__error(x->err, CEFO_ERR_NOMEM, x->file, 0, NULL, "out of memory");
}

void cefo__attrs_free(cefo__attrs *a)
{
    for (int i = 0; i < a->n && !a->held; i++)
        xmlFree(a->value[i]);
    a->n = 0;
    a->held = 0;
    cefo__free(a->block);
    a->block = NULL;
}

/*
 * The first control character of v, or 0. Ids, names and units are echoed in text tables and
 * diagnostics, where a line break would forge a line: none is allowed. A selector is XPath,
 * whose white space includes TAB, LF and CR.
 */
static unsigned char control_char(const char *name, const xmlChar *v)
{
    int xpath = strcmp(name, "sel") == 0;
    for (; *v; v++)
        if ((*v < 0x20 || *v == 0x7f) && !(xpath && (*v == '\t' || *v == '\n' || *v == '\r')))
            return *v;
    return 0;
}

/* Attribute `name` (`ns`: it has a namespace) may be the next of `a`. */
static cefo_status check_name(const cefo__xctx *x, const char *const *allowed,
                              const cefo__attrs *a, const char *name, int ns)
{
    const char *const *ok = allowed;
    while (*ok && ((*ok)[0] != name[0] || strcmp(*ok, name) != 0))
        ok++;
    if (!*ok || ns)
        return cefo__xfail(x, a->line, a->element, "unknown attribute '%s' on <%s>", name,
                           a->element);
    if (a->n == CEFO__MAX_ATTRS)
        return cefo__xfail(x, a->line, a->element, "too many attributes on <%s>", a->element);
    return CEFO_OK;
}

/* Appends attribute `name` with value v, printable text only. */
static cefo_status add_value(const cefo__xctx *x, cefo__attrs *a, const char *name, char *v)
{
    unsigned char bad = control_char(name, (const xmlChar *)v);
    if (bad)
        return cefo__xfail(x, a->line, a->element, "attribute '%s' of <%s> holds a control "
                           "character (U+%04X): only printable text is allowed", name,
                           a->element, bad);
    a->name[a->n] = name;
    a->value[a->n++] = v;
    return CEFO_OK;
}

cefo_status cefo__attrs_read(const cefo__xctx *x, xmlNode *node, const char *const *allowed,
                             cefo__attrs *a)
{
    a->n = 0;
    a->held = 0;
    a->line = cefo__xml_line(node);
    a->element = (const char *)node->name;
    for (xmlAttr *at = node->properties; at; at = at->next) {
        const char *name = (const char *)at->name;
        cefo_status st = check_name(x, allowed, a, name, at->ns != NULL);
        if (st != CEFO_OK)
            return st;
        xmlChar *v = xmlNodeListGetString(node->doc, at->children, 1);
        if (!v)
            v = xmlCharStrdup("");
        if (!v)
            return cefo__xnomem(x);
        st = add_value(x, a, name, (char *)v);
        if (st != CEFO_OK) {
            xmlFree(v);
            return st;
        }
    }
    return CEFO_OK;
}

cefo__elem cefo__elem_node(xmlNode *node)
{
    return (cefo__elem){.node = node, .name = (const char *)node->name,
                        .line = cefo__xml_line(node)};
}

/*
 * A streamed attribute value as the document would hold it, written at `out`; its length.
 * libxml2 hands over a pointer into its input when the value needed no change (never
 * NUL-terminated there: the quote follows), else a NUL-terminated copy in which, without
 * entity substitution, each '&' stands as "&#38;" for the tree builder to decode, and nothing
 * else is escaped.
 */
static size_t stream_value(const xmlChar *v, const xmlChar *end, char *out)
{
    size_t k = 0;
    if (*end != 0) {
        k = (size_t)(end - v);
        memcpy(out, v, k);
    } else {
        for (const xmlChar *p = v; p < end; p++) {
            out[k++] = (char)*p;
            if (*p == '&' && end - p >= 5 && memcmp(p, "&#38;", 5) == 0)
                p += 4;
        }
    }
    out[k] = 0;
    return k + 1;
}

/* The same checks as cefo__attrs_read, the values held in a->inline_buf or one block. */
static cefo_status stream_attrs(const cefo__xctx *x, const cefo__elem *e,
                                const char *const *allowed, cefo__attrs *a)
{
    size_t total = 0;
    for (int i = 0; i < e->nattrs; i++)
        total += (size_t)(e->attrs[5 * i + 4] - e->attrs[5 * i + 3]) + 1;
    char *buf = a->inline_buf;
    if (total > sizeof a->inline_buf && !(buf = a->block = cefo__malloc(total)))
        return cefo__xnomem(x);
    a->held = 1;
    for (int i = 0; i < e->nattrs; i++) {
        const xmlChar **at = e->attrs + 5 * i;
        const char *name = (const char *)at[0];
        cefo_status st = check_name(x, allowed, a, name, at[2] != NULL);
        if (st != CEFO_OK)
            return st;
        size_t used = stream_value(at[3], at[4], buf);
        if ((st = add_value(x, a, name, buf)) != CEFO_OK)
            return st;
        buf += used;
    }
    return CEFO_OK;
}

cefo_status cefo__elem_attrs(const cefo__xctx *x, const cefo__elem *e, const char *const *allowed,
                             cefo__attrs *a)
{
    if (e->node)
        return cefo__attrs_read(x, e->node, allowed, a);
    a->n = 0;
    a->line = e->line;
    a->element = e->name;
    return stream_attrs(x, e, allowed, a);
}

const char *cefo__elem_attr_name(const cefo__elem *e, int i)
{
    if (!e->node)
        return i < e->nattrs ? (const char *)e->attrs[5 * i] : NULL;
    const xmlAttr *at = e->node->properties;
    while (at && i-- > 0)
        at = at->next;
    return at ? (const char *)at->name : NULL;
}

cefo_status cefo__elem_no_children(const cefo__xctx *x, const cefo__elem *e)
{
    return e->node ? cefo__xml_no_children(x, e->node) : CEFO_OK;
}

int cefo__elem_has_content(const cefo__elem *e)
{
    return e->node && e->node->children;
}

const char *cefo__attr(const cefo__attrs *a, const char *name)
{
    for (int i = 0; i < a->n; i++) /* the first letters differ for most names: compare them */
        if (a->name[i][0] == name[0] && strcmp(a->name[i], name) == 0)
            return a->value[i];
    return NULL;
}

cefo_status cefo__attr_need(const cefo__xctx *x, const cefo__attrs *a, const char *name,
                            const char **out)
{
    *out = cefo__attr(a, name);
    if (!*out)
        return cefo__xfail(x, a->line, a->element, "<%s> needs attribute '%s'", a->element,
                           name);
    if (!**out)
        return cefo__xfail(x, a->line, a->element, "attribute '%s' of <%s> is empty", name,
                           a->element);
    return CEFO_OK;
}

cefo_status cefo__attr_number(const cefo__xctx *x, const cefo__attrs *a, const char *name,
                              int allow_negative, double *v)
{
    const char *s = cefo__attr(a, name), *why;
    if (!s)
        return CEFO_OK;
    double d;
    if (cefo__parse_number(s, &d, &why) != 0)
        return cefo__xfail(x, a->line, a->element, "%s=\"%s\" %s", name, s, why);
    if (d < 0 && !allow_negative)
        return cefo__xfail(x, a->line, a->element, "%s=\"%s\" must not be negative", name, s);
    *v = d;
    return CEFO_OK;
}

cefo_status cefo__attr_boolean(const cefo__xctx *x, const cefo__attrs *a, const char *name,
                               int *v)
{
    const char *s = cefo__attr(a, name);
    if (!s)
        return CEFO_OK;
    if (strcmp(s, "true") == 0 || strcmp(s, "false") == 0) {
        *v = s[0] == 't';
        return CEFO_OK;
    }
    return cefo__xfail(x, a->line, a->element, "%s=\"%s\" must be true or false", name, s);
}

cefo_status cefo__attr_choice(const cefo__xctx *x, const cefo__attrs *a, const char *name,
                              const char *const *names, int *v)
{
    const char *s = cefo__attr(a, name);
    if (!s)
        return CEFO_OK;
    for (int i = 0; names[i]; i++) {
        if (strcmp(s, names[i]) == 0) {
            *v = i;
            return CEFO_OK;
        }
    }
    char allowed[160] = "";
    for (int i = 0, len = 0; names[i] && len < (int)sizeof allowed; i++)
        len += snprintf(allowed + len, sizeof allowed - (size_t)len, "%s%s", i == 0 ? ""
                        : names[i + 1] ? ", " : " or ", names[i]);
    return cefo__xfail(x, a->line, a->element, "%s=\"%s\" is not one of the allowed values: %s",
                       name, s, allowed);
}

cefo_status cefo__attr_string(const cefo__xctx *x, const cefo__attrs *a, const char *name,
                              char **out)
{
    const char *s = cefo__attr(a, name);
    if (!s)
        return CEFO_OK;
    *out = cefo__strdup(s);
    return *out ? CEFO_OK : cefo__xnomem(x);
}

static int is_blank(const xmlChar *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 0;
    return 1;
}

/*
 * The line of the first character of text node n that is not white space. libxml2 gives a
 * text node the line where it ends (or where its first chunk of about 300 bytes ends): count
 * back the line breaks after that character, and never before the parent's line.
 */
static int text_line(const xmlNode *n)
{
    const xmlChar *s = n->content, *p = s;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    int line = cefo__xml_line(n);
    for (; *p; p++)
        line -= *p == '\n';
    int parent = cefo__xml_line(n->parent);
    return line > parent ? line : parent;
}

cefo_status cefo__xml_check_text(const cefo__xctx *x, const xmlNode *n)
{
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && !is_blank(n->content))
        return cefo__xfail(x, text_line(n), (const char *)n->parent->name,
                           "unexpected text inside <%s>", n->parent->name);
    if (n->type == XML_ENTITY_REF_NODE)
        return cefo__xfail(x, cefo__xml_line(n->parent), (const char *)n->parent->name,
                           "entity references are not allowed");
    return CEFO_OK;
}

static cefo_status sort_at(const cefo__xctx *x, xmlNode *parent, const char *const *kinds,
                           const char *const *groups, int n, int depth, int max_depth,
                           xmlNode ***nodes, size_t *count, size_t *cap)
{
    for (xmlNode *c = parent->children; c; c = c->next) {
        cefo_status st = cefo__xml_check_text(x, c);
        if (st != CEFO_OK)
            return st;
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)c->name;
        int k = 0, g = 0;
        while (k < n && strcmp(name, kinds[k]) != 0)
            k++;
        if (k < n) {
            if (cefo__grow((void **)&nodes[k], &cap[k], count[k] + 1, sizeof(xmlNode *)) != 0)
                return cefo__xnomem(x);
            nodes[k][count[k]++] = c;
            continue;
        }
        while (g < n && !(groups[g] && strcmp(name, groups[g]) == 0))
            g++;
        if (g == n)
            return cefo__xfail(x, cefo__xml_line(c), name, "unknown element <%s> in <%s>", name,
                               parent->name);
        if (depth >= max_depth)
            return cefo__xfail(x, cefo__xml_line(c), name, "<%s> stands %d groupings deep: "
                               "grouping elements nest at most %d deep", name, depth + 1,
                               max_depth);
        if (c->properties)
            return cefo__xfail(x, cefo__xml_line(c), name,
                               "grouping element <%s> takes no attributes", name);
        st = sort_at(x, c, kinds, groups, n, depth + 1, max_depth, nodes, count, cap);
        if (st != CEFO_OK)
            return st;
    }
    return CEFO_OK;
}

cefo_status cefo__xml_sort(const cefo__xctx *x, xmlNode *parent, const char *const *kinds,
                           const char *const *groups, int n, int max_depth, xmlNode ***nodes,
                           size_t *count, size_t *cap)
{
    return sort_at(x, parent, kinds, groups, n, 0, max_depth, nodes, count, cap);
}

cefo_status cefo__xml_no_children(const cefo__xctx *x, xmlNode *node)
{
    for (xmlNode *c = node->children; c; c = c->next) {
        cefo_status st = cefo__xml_check_text(x, c);
        if (st != CEFO_OK)
            return st;
        if (c->type == XML_ELEMENT_NODE)
            return cefo__xfail(x, cefo__xml_line(c), (const char *)c->name,
                               "<%s> is not allowed inside <%s>", c->name, node->name);
    }
    return CEFO_OK;
}
