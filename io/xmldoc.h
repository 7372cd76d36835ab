/* xmldoc.h - reading an XML input safely: bytes with a size cap, then a fenced libxml2 parse. */
#ifndef CEFO_IO_XMLDOC_H
#define CEFO_IO_XMLDOC_H

#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stddef.h>

#include "cefo/cefo.h"

struct cefo__elem;

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

/*
 * cefo__xml_parse, after refusing a missing pointer (CEFO_ERR_ARG) or empty input; then, in a
 * <network>, the rows of registries (src= on a grouping element, registry.h) become elements,
 * their files confined to the folder of `name` unless `flags` has CEFO_LOAD_SRC_ANYWHERE.
 */
cefo_status cefo__xml_parse_input_flags(const char *buf, size_t len, const char *name,
                                        unsigned flags, xmlDoc **doc, cefo_error *err);
/* The same with flags 0. */
cefo_status cefo__xml_parse_input(const char *buf, size_t len, const char *name, xmlDoc **doc,
                                  cefo_error *err);

/*
 * A streamed parse: the events of the input, in document order, without a tree. Each returns
 * CEFO_OK to go on, or the status that stops the parse (the sink has then set the error). A start's `namespaced` says the
 * element or an attribute has a prefix or namespace, or the element declares one.
 */
typedef struct cefo__xml_sink {
    void *ctx;
    int (*start)(void *ctx, const struct cefo__elem *e, int namespaced);
    int (*end)(void *ctx);
    int (*text)(void *ctx, const xmlChar *s, int len);
    /* A comment (target NULL) or a processing instruction. */
    int (*other)(void *ctx, const xmlChar *target, const xmlChar *data);
} cefo__xml_sink;

/*
 * Streams `len` bytes of `buf`, or the file `name` when buf is NULL (read in blocks), through
 * `sink` with cefo__xml_parse's options and hooks: the same inputs are refused (DOCTYPE,
 * malformed, compressed, oversize). CEFO_OK, or an error status with *err set (by the parser,
 * or by the sink that stopped it, with its status).
 */
cefo_status cefo__xml_stream(const char *buf, size_t len, const char *name,
                             const cefo__xml_sink *sink, cefo_error *err);

/* cefo__read_file then cefo__xml_parse_input: the document of a file, or its error. */
cefo_status cefo__xml_parse_file(const char *path, xmlDoc **doc, cefo_error *err);

/*
 * libxml2 reports some errors (character encoding, I/O) not to the parser context but on its
 * per-thread generic and structured channels, which print to stderr by default. Between
 * begin and end, both go to `handler` (or nowhere when NULL); end restores the host's own.
 */
typedef struct cefo__xml_quiet {
    xmlGenericErrorFunc generic;
    void *generic_ctx;
    xmlStructuredErrorFunc structured;
    void *structured_ctx;
} cefo__xml_quiet;

void cefo__xml_quiet_begin(cefo__xml_quiet *saved, void *ctx, xmlStructuredErrorFunc handler);
void cefo__xml_quiet_end(const cefo__xml_quiet *saved);

/*
 * The entry points of a loader that builds its object from a parsed document (which it does
 * not keep): from bytes (`name` for errors, NULL for "<memory>") or from a file.
 */
typedef cefo_status (*cefo__doc_loader)(void *out, xmlDoc *doc, const char *name,
                                        cefo_error *err);
cefo_status cefo__load_memory(void *out, const char *data, size_t len, const char *name,
                              cefo__doc_loader load, cefo_error *err);
cefo_status cefo__load_file(void *out, const char *path, cefo__doc_loader load, cefo_error *err);
/* The same with load flags (CEFO_LOAD_SRC_ANYWHERE) for the registries of a <network>. */
cefo_status cefo__load_memory_flags(void *out, const char *data, size_t len, const char *name,
                                    unsigned flags, cefo__doc_loader load, cefo_error *err);
cefo_status cefo__load_file_flags(void *out, const char *path, unsigned flags,
                                  cefo__doc_loader load, cefo_error *err);

/* The line of an element, as libxml2 recorded it. */
int cefo__xml_line(const xmlNode *node);

#endif
