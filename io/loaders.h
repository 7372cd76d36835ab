/* loaders.h - the element handlers of a <network>, fed one element at a time either by a walk
 * of a parsed (possibly patched) document or by the streaming parser (netstream.c). */
#ifndef CEFO_IO_LOADERS_H
#define CEFO_IO_LOADERS_H

#include <libxml/tree.h>

#include "cefo/cefo.h"
#include "io/xmlattr.h"
#include "models/network.h"

/* The network of a parsed <network> document; errors name `name`. */
cefo_status cefo__network_from_doc(cefo_network **out, xmlDoc *doc, const char *name,
                                   cefo_error *err);

/*
 * The network of `len` bytes of `data` (or of the file `name` when data is NULL) through the
 * streaming parser alone, without a document: CEFO_OK, or any error status when the stream
 * refused the input (an error, a registry, a reference ahead of its target). Its messages are
 * not the loader's: the public loaders then load the input as a document, whose first error
 * is the one reported (netstream.c).
 */
cefo_status cefo__network_stream(cefo_network **out, const char *data, size_t len,
                                 const char *name, cefo_error *err);
/* The same input through the document alone (the reference the stream is tested against). */
cefo_status cefo__network_load_dom(cefo_network **out, const char *data, size_t len,
                                   const char *name, cefo_error *err);

/* The state of one load: where errors go, the network, and the item whose children are read. */
typedef struct cefo__netload {
    cefo__xctx x;
    cefo_network *net;
    const char *parent;         /* the name of the element whose child is being started */
    int at_kind;                /* a cefo__at_kind: what an <at> child steps */
    size_t at_item;
    cefo__uses *uses;           /* of a <process> or <link>, for <use> */
    cefo__terms *terms[3];      /* where <input>, <output>, <emission> go: gather, or NULL */
    cefo__terms gather[3];      /* the item's terms as read */
    cefo__terms *target[3];     /* the item's own lists, which take them at its end */
    cefo__resource *resource;   /* for <term> */
} cefo__netload;

/* What an element may hold. Handlers of EMPTY and NO_CONTENT elements check a document
 * node's content themselves (cefo__elem_no_children, cefo__elem_has_content), where today's
 * messages put the check; the stream refuses any content of them as it comes. */
typedef enum cefo__content {
    CEFO__NO_CONTENT,           /* nothing: no text, comment or element */
    CEFO__EMPTY,                /* no elements and no text but white space */
    CEFO__CHILDREN              /* the child elements of `children`, white space, comments */
} cefo__content;

/* One element: its handler (attributes into the network; `a` is freed by the caller), what
 * it may hold, and an optional check once its children are read. */
typedef struct cefo__elem_spec {
    const char *name;
    cefo_status (*start)(cefo__netload *ld, const cefo__elem *e, cefo__attrs *a);
    cefo_status (*end)(cefo__netload *ld);
    cefo__content content;
    const struct cefo__elem_spec *const *children; /* NULL-terminated, for CEFO__CHILDREN */
} cefo__elem_spec;

/* The item elements in loading order (periods, pollutant, material, resource, process, link,
 * demand, group), the grouping element of each (NULL for periods), and how deep groupings
 * nest. */
#define CEFO__NKINDS 8
#define CEFO__GROUPING_DEPTH 8
extern const cefo__elem_spec *const cefo__net_kinds[CEFO__NKINDS];
extern const char *const cefo__net_groups[CEFO__NKINDS];
/* The checks and attributes of the root element <network>. */
cefo_status cefo__net_root(cefo__netload *ld, const cefo__elem *e);
/* Frees what a load kept for itself. */
void cefo__netload_done(cefo__netload *ld);
/* Records a registry the input's rows came from (<?cefo-src PATH?>, cefo_network_input). */
cefo_status cefo__netload_src(cefo__netload *ld, const char *path);
/* The child of `spec` named `name`, NULL when it may hold none such. */
const cefo__elem_spec *cefo__elem_child(const cefo__elem_spec *spec, const char *name);

/* resource_xml.c: <resource> (with <term> and <at>), <use>. periods_xml.c: <periods> (with
 * <period>), <at>, <group>. */
extern const cefo__elem_spec cefo__spec_resource, cefo__spec_use;
extern const cefo__elem_spec cefo__spec_periods, cefo__spec_at, cefo__spec_group;

#endif
