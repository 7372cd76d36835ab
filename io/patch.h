/* patch.h - what-if edits on a network document: XPath selectors, RFC 5261 in spirit. */
#ifndef CEFO_IO_PATCH_H
#define CEFO_IO_PATCH_H

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "cefo/cefo.h"

typedef enum cefo__patch_kind {
    CEFO__PATCH_REPLACE,    /* attribute value, or an element by the content's element */
    CEFO__PATCH_SCALE,      /* multiply a numeric attribute */
    CEFO__PATCH_REMOVE,
    CEFO__PATCH_ADD         /* copies of the content's elements, into or beside the target */
} cefo__patch_kind;

typedef struct cefo__patch {
    cefo__patch_kind kind;
    const char *sel;        /* XPath, evaluated on the network document */
    const char *attr;       /* SCALE of elements: the attribute; NULL when sel picks attributes */
    const char *value;      /* REPLACE of attributes: the new value */
    double factor;          /* SCALE */
    const char *pos;        /* ADD: NULL (append), "prepend", "before" or "after" */
    const xmlNode *content; /* REPLACE of elements and ADD: the element whose children are used */
    const char *file;       /* where the edit was written, for errors */
    int line;
} cefo__patch;

/*
 * Applies one edit to `doc`. A selector that matches nothing, an invalid XPath, a selection
 * of the wrong kind (an element where an attribute is needed) or a non-numeric value to scale
 * is CEFO_ERR_INVALID naming the edit's file and line. CEFO_ERR_NOMEM otherwise possible.
 */
cefo_status cefo__patch_apply(xmlDoc *doc, const cefo__patch *p, cefo_error *err);

/* An XPath context's error handler that keeps libxml2 quiet (errors become statuses). */
void cefo__xpath_quiet(void *data, xmlErrorPtr e);

#endif
