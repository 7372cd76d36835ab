/*
 * netstream.c - a <network> loaded as it is parsed, without a document: the streaming parser's
 * events (xmldoc.c) drive the same element handlers as the document walk (network_xml.c), so
 * a plain load holds the input's bytes a block at a time and the network, not a tree 17 times
 * the file.
 *
 * The document walk loads items kind by kind (periods, pollutants, materials, ... groups) and
 * checks the whole tree's shape first; the stream meets items in document order. On an input
 * both accept they build the same network: items of one kind keep their document order, a
 * reference resolves to the same item when its target came earlier, and the one list that
 * mixes kinds (the <at> steps) is put back in kind order at the end. Whatever the stream does
 * not accept (any error, a reference ahead of its target, an item that needs <periods> written
 * after it, a registry's src=, a namespace) makes it stop: the caller then loads the input as
 * a document, so the error reported is the document's own, message and line.
 */
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "io/loaders.h"
#include "io/xmldoc.h"

/* root, groupings, an item, its child: anything deeper is refused. */
#define MAX_DEPTH (CEFO__GROUPING_DEPTH + 4)

typedef struct frame {
    const cefo__elem_spec *spec; /* NULL: <network> or a grouping element */
    int groupings;               /* grouping elements open, this one included */
    const char *name;
} frame;

typedef struct streamer {
    cefo__netload ld;
    frame stack[MAX_DEPTH];
    int depth;
    int root_closed;
    size_t items[CEFO__NKINDS];
} streamer;

/* The stream does not take this input; the message is never shown (the document's is). */
static int refuse(streamer *s, const char *what)
{
    return (int)cefo__xfail(&s->ld.x, 0, NULL, "not streamed: %s", what);
}

static int kind_of(const char *name, const char *const *names, int n)
{
    for (int k = 0; k < n; k++)
        if (names[k] && strcmp(names[k], name) == 0)
            return k;
    return -1;
}

static int on_start(void *ctx, const cefo__elem *e, int namespaced)
{
    streamer *s = ctx;
    if (namespaced)
        return refuse(s, "a namespace");
    if (s->depth == MAX_DEPTH)
        return refuse(s, "too deep");
    frame *top = s->depth ? &s->stack[s->depth - 1] : NULL;
    frame f = {NULL, top ? top->groupings : 0, e->name};
    cefo_status st = CEFO_OK;
    if (!top) {
        if (s->root_closed || strcmp(e->name, "network") != 0)
            return refuse(s, "not a <network>");
        st = cefo__net_root(&s->ld, e);
    } else if (!top->spec) {
        const char *kinds[CEFO__NKINDS];
        for (int k = 0; k < CEFO__NKINDS; k++)
            kinds[k] = cefo__net_kinds[k]->name;
        int k = kind_of(e->name, kinds, CEFO__NKINDS);
        if (k >= 0) {
            f.spec = cefo__net_kinds[k];
            s->items[k]++;
            cefo__attrs a = {0};
            s->ld.parent = NULL;
            st = f.spec->start(&s->ld, e, &a);
            cefo__attrs_free(&a);
        } else if (kind_of(e->name, cefo__net_groups, CEFO__NKINDS) < 0 || e->nattrs
                   || f.groupings++ == CEFO__GROUPING_DEPTH) {
            return refuse(s, "not a grouping");
        }
    } else {
        f.spec = top->spec->content == CEFO__CHILDREN ? cefo__elem_child(top->spec, e->name)
                                                      : NULL;
        if (!f.spec)
            return refuse(s, "a child not allowed");
        cefo__attrs a = {0};
        s->ld.parent = top->name;
        st = f.spec->start(&s->ld, e, &a);
        cefo__attrs_free(&a);
    }
    if (st == CEFO_OK)
        s->stack[s->depth++] = f;
    return (int)st;
}

static int on_end(void *ctx)
{
    streamer *s = ctx;
    const cefo__elem_spec *spec = s->stack[--s->depth].spec;
    s->root_closed = s->depth == 0;
    return spec && spec->end ? (int)spec->end(&s->ld) : CEFO_OK;
}

/* Where text may stand (never in an element that takes no content), white space only. */
static int on_text(void *ctx, const xmlChar *t, int len)
{
    streamer *s = ctx;
    const frame *top = s->depth ? &s->stack[s->depth - 1] : NULL;
    if (top && top->spec && top->spec->content == CEFO__NO_CONTENT)
        return refuse(s, "content");
    for (int i = 0; i < len; i++)
        if (t[i] != ' ' && t[i] != '\t' && t[i] != '\n' && t[i] != '\r')
            return refuse(s, "text");
    return CEFO_OK;
}

/* Comments and processing instructions: <?cefo-src?> inside or after the root is kept. */
static int on_other(void *ctx, const xmlChar *target, const xmlChar *data)
{
    streamer *s = ctx;
    const frame *top = s->depth ? &s->stack[s->depth - 1] : NULL;
    if (top && top->spec && top->spec->content == CEFO__NO_CONTENT)
        return refuse(s, "content");
    if (target && strcmp((const char *)target, "cefo-src") == 0 && (top || s->root_closed))
        return (int)cefo__netload_src(&s->ld, (const char *)data);
    return CEFO_OK;
}

/* The <at> steps in the document walk's order: by the kind of their item, in the order kinds
 * load, and within a kind as read. */
static cefo_status steps_in_kind_order(cefo__netload *ld)
{
    static const int rank[] = {[CEFO__AT_POLLUTANT] = 0, [CEFO__AT_MATERIAL] = 1,
                               [CEFO__AT_RESOURCE] = 2,  [CEFO__AT_PROCESS] = 3,
                               [CEFO__AT_LINK] = 4,      [CEFO__AT_DEMAND] = 5};
    cefo_network *net = ld->net;
    size_t n = net->nsteps, sorted = 1;
    for (size_t i = 1; i < n && sorted; i++)
        sorted = rank[net->steps[i - 1].kind] <= rank[net->steps[i].kind];
    if (sorted)
        return CEFO_OK;
    cefo__step *out = cefo__realloc_array(NULL, n, sizeof *out);
    if (!out)
        return cefo__xnomem(&ld->x);
    size_t k = 0;
    for (int r = 0; r < 6; r++)
        for (size_t i = 0; i < n; i++)
            if (rank[net->steps[i].kind] == r)
                out[k++] = net->steps[i];
    memcpy(net->steps, out, n * sizeof *out);
    cefo__free(out);
    return CEFO_OK;
}

cefo_status cefo__network_stream(cefo_network **out, const char *data, size_t len,
                                 const char *name, cefo_error *err)
{
    streamer s = {.ld = {.x = {name, err}}};
    s.ld.net = cefo__network_new(name);
    if (!s.ld.net)
        return cefo__error(err, CEFO_ERR_NOMEM, name, 0, NULL, "out of memory");
    cefo__xml_sink sink = {&s, on_start, on_end, on_text, on_other};
    cefo_status st = cefo__xml_stream(data, len, name, &sink, err);
    cefo__netload_done(&s.ld);
    if (st == CEFO_OK && !s.items[2] && !s.items[4]) /* no material, no process */
        st = refuse(&s, "empty");
    if (st == CEFO_OK)
        st = steps_in_kind_order(&s.ld);
    if (st == CEFO_OK)
        st = cefo__network_validate(s.ld.net, err);
    if (st != CEFO_OK) {
        cefo_network_free(s.ld.net);
        return st;
    }
    *out = s.ld.net;
    return CEFO_OK;
}
