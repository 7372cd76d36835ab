/* loaders.h - building models from an already parsed (possibly patched) XML document. */
#ifndef CEFO_IO_LOADERS_H
#define CEFO_IO_LOADERS_H

#include <libxml/tree.h>

#include "cefo/cefo.h"

/* The network of a parsed <network> document; errors name `name`. */
cefo_status cefo__network_from_doc(cefo_network **out, xmlDoc *doc, const char *name,
                                   cefo_error *err);

/* <resource> and its <term>s into `net` (resource_xml.c); `a` is freed by the caller. */
struct cefo__xctx;
struct cefo__attrs;
cefo_status cefo__load_resource(const struct cefo__xctx *x, cefo_network *net, xmlNode *node,
                                struct cefo__attrs *a);
/* One <use resource amount per> child into `uses`. */
struct cefo__uses;
cefo_status cefo__load_use(const struct cefo__xctx *x, cefo_network *net, xmlNode *c,
                           struct cefo__uses *uses);

/* periods_xml.c: <periods> and its <period>s; one <at> child of an element of `kind` (a
 * cefo__at_kind) that is item `item`; the children of an element that takes only <at>;
 * <group id order>. */
cefo_status cefo__load_periods(const struct cefo__xctx *x, cefo_network *net, xmlNode *node,
                               struct cefo__attrs *a);
cefo_status cefo__load_at(const struct cefo__xctx *x, cefo_network *net, xmlNode *c, int kind,
                          size_t item);
cefo_status cefo__load_at_only(const struct cefo__xctx *x, cefo_network *net, xmlNode *node,
                               int kind, size_t item);
cefo_status cefo__load_group(const struct cefo__xctx *x, cefo_network *net, xmlNode *node,
                             struct cefo__attrs *a);

#endif
