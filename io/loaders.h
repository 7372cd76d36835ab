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

#endif
