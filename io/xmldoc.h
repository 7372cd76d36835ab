/* xmldoc.h - reading an XML input safely: bytes with a size cap, then a fenced libxml2 parse. */
#ifndef CEFO_IO_XMLDOC_H
#define CEFO_IO_XMLDOC_H

#include <libxml/tree.h>
#include <stddef.h>

#include "cefo/cefo.h"

/* Inputs larger than this are refused before parsing (a planner's cluster is far smaller). */
#define CEFO__MAX_INPUT_BYTES ((size_t)512 << 20)

/*
 * Reads a whole file into a new buffer (NUL-terminated, caller frees with cefo__free).
 * Returns CEFO_OK, CEFO_ERR_NOFILE, CEFO_ERR_IO (unreadable), CEFO_ERR_INVALID (too large)
 * or CEFO_ERR_NOMEM.
 */
cefo_status cefo__read_file(const char *path, char **buf, size_t *len, cefo_error *err);

/*
 * Parses `len` bytes into a DOM with libxml2's network, DTD and entity machinery off: no
 * DTD loading, no entity substitution, no network, no recovery; any DOCTYPE is refused.
 * libxml2 prints nothing: its first error becomes *err with file, line and column.
 * Returns CEFO_OK, CEFO_ERR_PARSE, CEFO_ERR_INVALID (compressed or too large input) or
 * CEFO_ERR_NOMEM.
 */
cefo_status cefo__xml_parse(const char *buf, size_t len, const char *name, xmlDoc **doc,
                            cefo_error *err);

/* cefo__xml_parse, after refusing a missing pointer (CEFO_ERR_ARG) or empty input. */
cefo_status cefo__xml_parse_input(const char *buf, size_t len, const char *name, xmlDoc **doc,
                                  cefo_error *err);

/* cefo__read_file then cefo__xml_parse_input: the document of a file, or its error. */
cefo_status cefo__xml_parse_file(const char *path, xmlDoc **doc, cefo_error *err);

/* The line of an element, as libxml2 recorded it. */
int cefo__xml_line(const xmlNode *node);

#endif
