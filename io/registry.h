/* registry.h - firm registries: a network's grouping element whose rows come from a CSV file. */
#ifndef CEFO_IO_REGISTRY_H
#define CEFO_IO_REGISTRY_H

#include <libxml/tree.h>

#include "cefo/cefo.h"

/*
 * Replaces, in a <network> document, every grouping element with src="FILE.csv"
 * (<pollutants>, <materials>, <resources>, <processes>, <links>, <demands>) by the same
 * element holding one child per CSV row, exactly as if written in the XML (spec section 9),
 * so that scenario edits and the loader see them. FILE is relative to the folder of `name`
 * and must lie inside it unless `flags` has CEFO_LOAD_SRC_ANYWHERE. Other documents are left
 * alone. Errors name the CSV file, its line and column (err->column). Returns CEFO_OK,
 * CEFO_ERR_NOFILE, CEFO_ERR_IO, CEFO_ERR_INVALID or CEFO_ERR_NOMEM; on error the document
 * may be half expanded and is only fit to be freed.
 */
cefo_status cefo__registry_expand(xmlDoc *doc, const char *name, unsigned flags, cefo_error *err);

#endif
