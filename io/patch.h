/* patch.h - what-if edits on a network document: XPath selectors, RFC 5261 in spirit. */
#ifndef CEFO_IO_PATCH_H
#define CEFO_IO_PATCH_H

#include <libxml/tree.h>
#include <libxml/xpath.h>

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
    const char *attr;       /* SCALE, REPLACE, REMOVE of elements: that attribute of them */
    const char *value;      /* REPLACE of attributes: the new value */
    double factor;          /* SCALE */
    const char *pos;        /* ADD: NULL (append), "prepend", "before" or "after" */
    const xmlNode *content; /* REPLACE of elements and ADD: the element whose children are used */
    const char *file;       /* where the edit was written, for errors */
    int line;
    int add_attr;           /* REPLACE of "SEL/@NAME" (a --set): when no element SEL picks has
                               NAME, it is added to each of them */
} cefo__patch;

/*
 * What the edits wrote, so that a check of the edited network that refuses it can blame the
 * edit rather than the network file: an element whose attribute an edit set (`line` in the
 * network file), or a copied element (`copy`: `line` is in the edit's own file).
 */
typedef struct cefo__patch_mark {
    int line, copy;
    char element[32];
    const char *file;       /* the edit's file (borrowed from the patch) */
    int edit_line;
} cefo__patch_mark;

typedef struct cefo__patch_marks {
    cefo__patch_mark *v;
    size_t n, cap;
} cefo__patch_marks;

void cefo__patch_marks_free(cefo__patch_marks *m);

/*
 * When `err` comes from checking a document edited with `marks`, and names (network file
 * `path`, line, element) something an edit wrote, points it at that edit instead.
 */
void cefo__patch_blame(const cefo__patch_marks *m, const char *path, cefo_error *err);

/*
 * Applies one edit to `doc`, recording what it wrote in `marks` (may be NULL). A selector that
 * matches nothing, an invalid or too costly XPath, a selection an edit cannot apply to (a
 * comment, text, a namespace, an element where an attribute is needed) or a non-numeric value
 * to scale is CEFO_ERR_INVALID naming the edit's file and line; nothing is changed then.
 * CEFO_ERR_NOMEM otherwise possible.
 */
cefo_status cefo__patch_apply(xmlDoc *doc, const cefo__patch *p, cefo__patch_marks *marks,
                              cefo_error *err);

/*
 * Evaluates `sel` on `doc` with libxml2 silent and its work bounded (a selector may visit each
 * node of the document a bounded number of times, so that a pathological XPath fails in
 * seconds rather than running for minutes). On CEFO_OK, *out is a non-empty node set, freed
 * with xmlXPathFreeObject. CEFO_ERR_INVALID (naming file and line) when sel is not valid XPath,
 * takes too much work, or selects no nodes; CEFO_ERR_NOMEM.
 */
cefo_status cefo__xpath_select(xmlDoc *doc, const char *sel, const char *file, int line,
                               xmlXPathObjectPtr *out, cefo_error *err);

#endif
