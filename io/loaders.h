/* loaders.h - building models from an already parsed (possibly patched) XML document. */
#ifndef CEFO_IO_LOADERS_H
#define CEFO_IO_LOADERS_H

#include <libxml/tree.h>

#include "cefo/cefo.h"

/* The network of a parsed <network> document; errors name `name`. */
cefo_status cefo__network_from_doc(cefo_network **out, xmlDoc *doc, const char *name,
                                   cefo_error *err);

#endif
