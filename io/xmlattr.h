/* xmlattr.h - checked access to the attributes and children of one element, for every loader. */
#ifndef CEFO_IO_XMLATTR_H
#define CEFO_IO_XMLATTR_H

#include <libxml/tree.h>

#include "cefo/cefo.h"

/* Where errors go: the input's name and the caller's error struct. */
typedef struct cefo__xctx {
    const char *file;
    cefo_error *err;
} cefo__xctx;

#define CEFO__MAX_ATTRS 16

/* The attributes of one element, read once and checked against its allowed names. */
typedef struct cefo__attrs {
    const char *name[CEFO__MAX_ATTRS];
    char *value[CEFO__MAX_ATTRS];
    int n;
    int line;
    const char *element;
    /* A streamed element's values stand in `inline_buf`, or in `block` when longer. */
    int held;
    char *block;
    char inline_buf[512];
} cefo__attrs;

/* CEFO_ERR_INVALID with file, line and element; returns the status. */
cefo_status cefo__xfail(const cefo__xctx *x, int line, const char *element, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
cefo_status cefo__xnomem(const cefo__xctx *x);

/* Reads the attributes of `node`; any name not in the NULL-terminated `allowed` is an error. */
cefo_status cefo__attrs_read(const cefo__xctx *x, xmlNode *node, const char *const *allowed,
                             cefo__attrs *a);

/*
 * One element as a source hands it to the network's element handlers: a node of a parsed
 * document (`node`), or the start tag the streaming parser just read (`attrs`, SAX2's five
 * pointers per attribute: local name, prefix, URI, value, value end; `line` exact). The
 * handlers read it only through the functions below, so one handler serves both sources.
 */
typedef struct cefo__elem {
    xmlNode *node;              /* the document's node, or NULL when streamed */
    const char *name;
    int line;
    const xmlChar **attrs;      /* streamed: nattrs quintuples */
    int nattrs;
} cefo__elem;

/* The element of a document node. */
cefo__elem cefo__elem_node(xmlNode *node);
/* cefo__attrs_read of either source: the same checks, messages and values. */
cefo_status cefo__elem_attrs(const cefo__xctx *x, const cefo__elem *e, const char *const *allowed,
                             cefo__attrs *a);
/* The name of attribute i (in document order), NULL past the last. */
const char *cefo__elem_attr_name(const cefo__elem *e, int i);
/* cefo__xml_no_children of a document node; a streamed element's content is checked by the
 * stream as it comes (netstream.c refuses any child element and any text). */
cefo_status cefo__elem_no_children(const cefo__xctx *x, const cefo__elem *e);
/* Whether a document node has any content at all (a streamed element: checked as it comes). */
int cefo__elem_has_content(const cefo__elem *e);
void cefo__attrs_free(cefo__attrs *a);
const char *cefo__attr(const cefo__attrs *a, const char *name);

/* A required, non-empty attribute. */
cefo_status cefo__attr_need(const cefo__xctx *x, const cefo__attrs *a, const char *name,
                            const char **out);
/* An optional strict number; *v keeps its default when absent. Negative only if allowed. */
cefo_status cefo__attr_number(const cefo__xctx *x, const cefo__attrs *a, const char *name,
                              int allow_negative, double *v);
cefo_status cefo__attr_boolean(const cefo__xctx *x, const cefo__attrs *a, const char *name,
                               int *v);
/* The position of the value in the NULL-terminated `names`; *v keeps its default if absent. */
cefo_status cefo__attr_choice(const cefo__xctx *x, const cefo__attrs *a, const char *name,
                              const char *const *names, int *v);
/* A copy of an optional attribute (cefo__free), NULL when absent. */
cefo_status cefo__attr_string(const cefo__xctx *x, const cefo__attrs *a, const char *name,
                              char **out);

/* Text other than white space, or an entity reference, where only elements may stand. */
cefo_status cefo__xml_check_text(const cefo__xctx *x, const xmlNode *n);
/*
 * Sorts the child elements of `parent` by name into nodes[k] (count[k] of them, cap[k] room;
 * cefo__free each nodes[k]) for the n names of `kinds`. A child named like a grouping element
 * (groups[k], NULL where a kind has none) is entered, as long as groupings nest at most
 * max_depth deep (1: directly under `parent` only), and takes no attributes; any other
 * element, and text, is an error with its line.
 */
cefo_status cefo__xml_sort(const cefo__xctx *x, xmlNode *parent, const char *const *kinds,
                           const char *const *groups, int n, int max_depth, xmlNode ***nodes,
                           size_t *count, size_t *cap);
/* An element that takes no child elements and no text. */
cefo_status cefo__xml_no_children(const cefo__xctx *x, xmlNode *node);

#endif
