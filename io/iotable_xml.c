/* iotable_xml.c - loads <iotable version="1"> (spec section 2), or a network's IO view. */
#include <errno.h>
#include <libxml/tree.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "io/csvnum.h"
#include "io/loaders.h"
#include "io/number.h"
#include "io/xmlattr.h"
#include "io/xmldoc.h"
#include "models/iotable.h"

enum { K_SECTOR, K_TRANSACTIONS, K_EXTENSION, K_WASTE, K_ALLOCATION, NKINDS };
static const char *const kinds[NKINDS] = {"sector", "transactions", "extension", "waste",
                                          "allocation"};
static const char *const groups[NKINDS] = {"sectors", NULL, "extensions", "wastes",
                                           "allocations"};

typedef struct ioloader {
    cefo__xctx x;
    cefo_iotable *t;
    xmlNode **nodes[NKINDS];
    size_t count[NKINDS], cap[NKINDS];
    unsigned flags; /* cefo_load_flag */
} ioloader;

/*
 * The labels of a CSV header that runs along the sectors must be the sector ids in the
 * table's order (docs/leontief.md): a mismatch names the file, line and column, and the id
 * expected there, never the cell's content.
 */
static cefo_status match_labels(ioloader *ld, const cefo__csv *c, const char *name, int by_row)
{
    const cefo_iotable *t = ld->t;
    char **labels = by_row ? c->row_head : c->col_head;
    size_t count = by_row ? c->rows : c->cols;
    for (size_t i = 0; labels && i < count; i++) {
        if (strcmp(labels[i], t->ids[i]) == 0)
            continue;
        int line = by_row ? c->row_line[i] : c->head_line;
        size_t col = by_row ? 1 : i + 1 + (size_t)c->head_col;
        cefo__error(ld->x.err, CEFO_ERR_INVALID, name, line, NULL,
                    "column %zu of the header %s is not sector '%s': headers must list the "
                    "sector ids in the table's order", col, by_row ? "column" : "row", t->ids[i]);
        if (ld->x.err)
            ld->x.err->column = (int)col;
        return CEFO_ERR_INVALID;
    }
    return CEFO_OK;
}

/*
 * Where the headers of a CSV of n x n (square) or n values (a vector) stand, they are
 * checked: both for a square table; for a vector, the header row of a single row or the
 * header column of a single column (the other one labels the vector: the user's choice).
 */
static cefo_status check_headers(ioloader *ld, const xmlNode *node, const cefo__attrs *a,
                                 const cefo__csv *c, const char *name, size_t n)
{
    size_t sectors = ld->t->n;
    int square = n == sectors * sectors && n != sectors;
    int has = c->col_head || c->row_head;
    if (!has)
        return CEFO_OK;
    if (square ? c->rows != sectors || c->cols != sectors : c->rows != 1 && c->cols != 1)
        return cefo__xfail(&ld->x, cefo__xml_line(node), a->element,
                           "%s has headers, so it must hold %s", cefo__attr(a, "src"),
                           square ? "an n x n table of the n sectors"
                                  : "its values in one row or one column");
    cefo_status st = CEFO_OK;
    if (c->col_head && (square || c->rows == 1))
        st = match_labels(ld, c, name, 0);
    if (st == CEFO_OK && c->row_head && (square || c->cols == 1))
        st = match_labels(ld, c, name, 1);
    return st;
}

/* The CSV file named by src=: inside the XML file's folder unless the flags allow more. */
static cefo_status values_src(ioloader *ld, xmlNode *node, const cefo__attrs *a, size_t n,
                              double *out)
{
    const char *src = cefo__attr(a, "src");
    cefo_status st = cefo__xml_no_children(&ld->x, node);
    if (st != CEFO_OK)
        return st;
    char *path, real[PATH_MAX];
    const char *open;
    st = cefo__src_resolve(&ld->x, a->line, a->element, src, ld->flags,
                           "(allowed only when asked: --allow-outside-src)", &path, real, &open);
    if (st != CEFO_OK)
        return st;
    cefo__csv c = {0};
    st = cefo__csv_read(open, path, &c, ld->x.err);
    if (st == CEFO_OK && c.rows * c.cols != n)
        st = cefo__xfail(&ld->x, a->line, a->element, "%s holds %zu x %zu values, not %zu",
                         src, c.rows, c.cols, n);
    if (st == CEFO_OK)
        st = check_headers(ld, node, a, &c, path, n);
    if (st == CEFO_OK)
        memcpy(out, c.v, n * sizeof *c.v);
    cefo__csv_free(&c);
    /* The table remembers the file it read, so an output can never overwrite it. */
    if (st == CEFO_OK && cefo__iotable_add_input(ld->t, path) != 0)
        return cefo__xnomem(&ld->x);
    if (st != CEFO_OK)
        cefo__free(path);
    return st;
}

/* The numbers of one text node, from line `*line` on; *got counts them (past n too). */
static cefo_status text_values(ioloader *ld, const cefo__attrs *a, char *p, int *line,
                               size_t n, size_t *got, double *out)
{
    cefo_status st = CEFO_OK;
    while (st == CEFO_OK) {
        while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
            *line += *p++ == '\n';
        if (!*p)
            break;
        char *end = p;
        while (*end && *end != ' ' && *end != '\t' && *end != '\r' && *end != '\n')
            end++;
        char save = *end;
        *end = '\0';
        const char *why;
        double v;
        if (cefo__parse_number(p, &v, &why) != 0)
            st = cefo__xfail(&ld->x, *line, a->element, "value %zu of <%s>, \"%.40s\", %s",
                             *got + 1, a->element, p, why);
        else if (*got < n)
            out[*got] = v;
        (*got)++;
        *end = save;
        p = end;
    }
    return st;
}

/*
 * Exactly n numbers: the element's whitespace list, or the CSV file its src= names. Only
 * text and comments may stand in a list: an element inside it is an error at its line.
 */
static cefo_status values(ioloader *ld, xmlNode *node, const cefo__attrs *a, size_t n,
                          double *out)
{
    if (cefo__attr(a, "src"))
        return values_src(ld, node, a, n, out);
    cefo_status st = CEFO_OK;
    size_t got = 0;
    int line = a->line;
    for (xmlNode *c = node->children; c && st == CEFO_OK; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            char *text = (char *)xmlStrdup(c->content);
            if (!text)
                return cefo__xnomem(&ld->x);
            st = text_values(ld, a, text, &line, n, &got, out);
            xmlFree(text);
        } else if (c->type == XML_COMMENT_NODE) {
            for (const xmlChar *p = c->content; p && *p; p++)
                line += *p == '\n';
        } else if (c->type == XML_ELEMENT_NODE) {
            st = cefo__xfail(&ld->x, cefo__xml_line(c), (const char *)c->name,
                             "<%s> is not allowed inside <%s>: only numbers", c->name,
                             a->element);
        } else {
            st = cefo__xml_check_text(&ld->x, c); /* entity references */
        }
    }
    if (st == CEFO_OK && got != n)
        st = cefo__xfail(&ld->x, a->line, a->element, "<%s> has %zu values for %zu sectors",
                         a->element, got, n);
    return st;
}

/* The required id of a sector or waste, copied into ids[i] and indexed in `map`; a duplicate
 * is an error naming `what`. */
static cefo_status read_id(ioloader *ld, const cefo__attrs *a, const char *what,
                           cefo__strmap *map, char **ids, size_t i)
{
    const char *id;
    cefo_status st = cefo__attr_need(&ld->x, a, "id", &id);
    if (st == CEFO_OK && !(ids[i] = cefo__strdup(id)))
        st = cefo__xnomem(&ld->x);
    if (st == CEFO_OK) {
        int r = cefo__strmap_put(map, ids[i], i);
        if (r < 0)
            st = cefo__xnomem(&ld->x);
        else if (r > 0)
            st = cefo__xfail(&ld->x, a->line, what, "duplicate %s id '%s'", what, id);
    }
    return st;
}

static cefo_status load_sector(ioloader *ld, size_t i, xmlNode *node, cefo__attrs *a)
{
    static const char *const allowed[] = {"id", "name", "final-demand", "total-output", "kind",
                                          NULL};
    static const char *const skinds[] = {"industry", "treatment", NULL};
    cefo_iotable *t = ld->t;
    cefo_status st = cefo__attrs_read(&ld->x, node, allowed, a);
    t->line[i] = a->line;
    if (st == CEFO_OK)
        st = read_id(ld, a, "sector", &t->sector_ids, t->ids, i);
    if (st == CEFO_OK)
        st = cefo__attr_number(&ld->x, a, "final-demand", 1, &t->y[i]);
    if (st == CEFO_OK)
        st = cefo__attr_number(&ld->x, a, "total-output", 0, &t->x[i]);
    if (st == CEFO_OK)
        st = cefo__attr_choice(&ld->x, a, "kind", skinds, &t->treatment[i]);
    return st == CEFO_OK ? cefo__xml_no_children(&ld->x, node) : st;
}

static cefo_status load_rows(ioloader *ld, xmlNode *node, cefo__attrs *a, char *seen)
{
    static const char *const allowed[] = {"sector", NULL};
    cefo_iotable *t = ld->t;
    cefo_status st = CEFO_OK;
    for (xmlNode *c = node->children; c && st == CEFO_OK; c = c->next) {
        st = cefo__xml_check_text(&ld->x, c);
        if (st != CEFO_OK || c->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)c->name, "row") != 0) {
            st = cefo__xfail(&ld->x, cefo__xml_line(c), (const char *)c->name,
                             "<%s> is not allowed inside <transactions>", c->name);
            break;
        }
        const char *id;
        size_t i;
        st = cefo__attrs_read(&ld->x, c, allowed, a);
        if (st == CEFO_OK)
            st = cefo__attr_need(&ld->x, a, "sector", &id);
        if (st == CEFO_OK && !cefo__strmap_get(&t->sector_ids, id, &i))
            st = cefo__xfail(&ld->x, a->line, "row", "sector=\"%s\" names no sector", id);
        if (st == CEFO_OK && seen[i])
            st = cefo__xfail(&ld->x, a->line, "row", "a second row for sector '%s'", id);
        if (st == CEFO_OK) {
            seen[i] = 1;
            st = values(ld, c, a, t->n, t->z + i * t->n);
        }
        cefo__attrs_free(a);
    }
    return st;
}

static cefo_status load_transactions(ioloader *ld, xmlNode *node, cefo__attrs *a, char *seen)
{
    static const char *const allowed[] = {"src", NULL};
    cefo_status st = cefo__attrs_read(&ld->x, node, allowed, a);
    if (st != CEFO_OK)
        return st;
    if (!cefo__attr(a, "src"))
        return load_rows(ld, node, a, seen);
    st = values(ld, node, a, ld->t->n * ld->t->n, ld->t->z);
    memset(seen, 1, ld->t->n);
    return st;
}

static cefo_status load_extension(ioloader *ld, size_t e, xmlNode *node, cefo__attrs *a)
{
    static const char *const allowed[] = {"id", "unit", "src", NULL};
    cefo_iotable *t = ld->t;
    const char *id, *unit;
    cefo_status st = cefo__attrs_read(&ld->x, node, allowed, a);
    if (st == CEFO_OK)
        st = cefo__attr_need(&ld->x, a, "id", &id);
    if (st == CEFO_OK)
        st = cefo__attr_need(&ld->x, a, "unit", &unit);
    for (size_t i = 0; st == CEFO_OK && i < e; i++)
        if (strcmp(t->ext_ids[i], id) == 0)
            st = cefo__xfail(&ld->x, a->line, "extension", "duplicate extension id '%s'", id);
    if (st == CEFO_OK
        && (!(t->ext_ids[e] = cefo__strdup(id)) || !(t->ext_units[e] = cefo__strdup(unit))))
        st = cefo__xnomem(&ld->x);
    return st == CEFO_OK ? values(ld, node, a, t->n, t->f + e * t->n) : st;
}

static cefo_status load_waste(ioloader *ld, size_t w, xmlNode *node, cefo__attrs *a)
{
    static const char *const allowed[] = {"id", "final-demand", "src", NULL};
    cefo_iotable *t = ld->t;
    cefo_status st = cefo__attrs_read(&ld->x, node, allowed, a);
    if (st == CEFO_OK)
        st = read_id(ld, a, "waste", &t->waste_index, t->waste_ids, w);
    if (st == CEFO_OK)
        st = cefo__attr_number(&ld->x, a, "final-demand", 1, &t->gy[w]);
    /* Net generation: negative where a sector uses the waste as an input. */
    return st == CEFO_OK ? values(ld, node, a, t->n, t->g + w * t->n) : st;
}

static cefo_status load_allocation(ioloader *ld, xmlNode *node, cefo__attrs *a)
{
    static const char *const allowed[] = {"waste", "treatment", "share", NULL};
    cefo_iotable *t = ld->t;
    const char *waste, *sector;
    size_t w, i;
    double share = NAN;
    cefo_status st = cefo__attrs_read(&ld->x, node, allowed, a);
    if (st == CEFO_OK)
        st = cefo__attr_need(&ld->x, a, "waste", &waste);
    if (st == CEFO_OK)
        st = cefo__attr_need(&ld->x, a, "treatment", &sector);
    if (st == CEFO_OK)
        st = cefo__attr_number(&ld->x, a, "share", 0, &share);
    if (st != CEFO_OK)
        return st;
    if (!cefo__strmap_get(&t->waste_index, waste, &w))
        return cefo__xfail(&ld->x, a->line, "allocation", "waste=\"%s\" names no waste", waste);
    if (!cefo__strmap_get(&t->sector_ids, sector, &i) || !t->treatment[i])
        return cefo__xfail(&ld->x, a->line, "allocation",
                           "treatment=\"%s\" names no sector of kind treatment", sector);
    if (isnan(share) || share > 1)
        return cefo__xfail(&ld->x, a->line, "allocation", "share must be between 0 and 1");
    if (t->s[i * t->w + w] != 0)
        return cefo__xfail(&ld->x, a->line, "allocation",
                           "waste '%s' is allocated to '%s' twice", waste, sector);
    t->s[i * t->w + w] = share;
    return cefo__xml_no_children(&ld->x, node);
}

/* Every sector has a row, except WIO treatment sectors, whose rows come from S G. */
static cefo_status check_structure(ioloader *ld, const char *seen, int transactions_line)
{
    cefo_iotable *t = ld->t;
    for (size_t i = 0; i < t->n; i++) {
        int wio_row = t->w > 0 && t->treatment[i];
        double row = 0;
        for (size_t j = 0; j < t->n; j++)
            row += fabs(t->z[i * t->n + j]);
        if (!seen[i] && !wio_row)
            return cefo__xfail(&ld->x, t->line[i], "sector",
                               "sector '%s' has no row in <transactions>", t->ids[i]);
        if (wio_row && row != 0)
            return cefo__xfail(&ld->x, seen[i] ? transactions_line : t->line[i], "sector",
                               "treatment sector '%s' of a waste table must have no "
                               "transactions: its inputs come from the waste allocation",
                               t->ids[i]);
        if (wio_row && t->y[i] != 0)
            return cefo__xfail(&ld->x, t->line[i], "sector",
                               "treatment sector '%s' takes its final demand from the wastes' "
                               "final-demand, not from final-demand", t->ids[i]);
    }
    for (size_t w = 0; w < t->w; w++) {
        double sum = 0;
        for (size_t i = 0; i < t->n; i++)
            sum += t->s[i * t->w + w];
        if (fabs(sum - 1) > 1e-9)
            return cefo__xfail(&ld->x, cefo__xml_line(ld->nodes[K_WASTE][w]), "waste",
                               "the allocation shares of waste '%s' sum to %.12g, not 1",
                               t->waste_ids[w], sum);
    }
    return CEFO_OK;
}

static cefo_status load_all(ioloader *ld, xmlNode *root)
{
    cefo__attrs a = {0};
    size_t n = ld->count[K_SECTOR];
    if (n == 0)
        return cefo__xfail(&ld->x, cefo__xml_line(root), "iotable", "the table has no sectors");
    if (n > 100000)
        return cefo__xfail(&ld->x, cefo__xml_line(root), "iotable",
                           "%zu sectors is beyond the dense analysis (100000 at most)", n);
    if (ld->count[K_TRANSACTIONS] != 1)
        return cefo__xfail(&ld->x, cefo__xml_line(root), "iotable",
                           "the table needs exactly one <transactions>, not %zu",
                           ld->count[K_TRANSACTIONS]);
    ld->t = cefo__iotable_new(ld->x.file, n, ld->count[K_EXTENSION]);
    char *seen = cefo__calloc(n, 1);
    cefo_status st = ld->t && seen ? CEFO_OK : cefo__xnomem(&ld->x);
    if (st == CEFO_OK && ld->count[K_WASTE] && cefo__iotable_set_wastes(ld->t, ld->count[K_WASTE]))
        st = cefo__xnomem(&ld->x);
    for (size_t i = 0; st == CEFO_OK && i < n; i++, cefo__attrs_free(&a))
        st = load_sector(ld, i, ld->nodes[K_SECTOR][i], &a);
    if (st == CEFO_OK)
        st = load_transactions(ld, ld->nodes[K_TRANSACTIONS][0], &a, seen);
    cefo__attrs_free(&a);
    for (size_t e = 0; st == CEFO_OK && e < ld->count[K_EXTENSION]; e++, cefo__attrs_free(&a))
        st = load_extension(ld, e, ld->nodes[K_EXTENSION][e], &a);
    for (size_t w = 0; st == CEFO_OK && w < ld->count[K_WASTE]; w++, cefo__attrs_free(&a))
        st = load_waste(ld, w, ld->nodes[K_WASTE][w], &a);
    if (st == CEFO_OK && ld->count[K_ALLOCATION] && !ld->count[K_WASTE])
        st = cefo__xfail(&ld->x, cefo__xml_line(ld->nodes[K_ALLOCATION][0]), "allocation",
                         "<allocation> without any <waste>");
    for (size_t i = 0; st == CEFO_OK && i < ld->count[K_ALLOCATION]; i++, cefo__attrs_free(&a))
        st = load_allocation(ld, ld->nodes[K_ALLOCATION][i], &a);
    if (st == CEFO_OK)
        st = check_structure(ld, seen, cefo__xml_line(ld->nodes[K_TRANSACTIONS][0]));
    cefo__attrs_free(&a);
    cefo__free(seen);
    return st;
}

static cefo_status load_doc(cefo_iotable **out, xmlDoc *doc, const char *name, unsigned flags,
                            cefo_error *err)
{
    static const char *const allowed[] = {"version", "name", "currency", NULL};
    ioloader ld = {.x = {name, err}, .flags = flags};
    xmlNode *root = xmlDocGetRootElement(doc);
    cefo__attrs a = {0};
    cefo_status st = cefo__attrs_read(&ld.x, root, allowed, &a);
    const char *version = st == CEFO_OK ? cefo__attr(&a, "version") : NULL;
    if (st == CEFO_OK && (!version || strcmp(version, "1") != 0))
        st = cefo__xfail(&ld.x, a.line, "iotable", "<iotable> needs version=\"1\"");
    cefo__attrs_free(&a);
    if (st == CEFO_OK)
        st = cefo__xml_sort(&ld.x, root, kinds, groups, NKINDS, 1, ld.nodes, ld.count, ld.cap);
    if (st == CEFO_OK)
        st = load_all(&ld, root);
    for (int k = 0; k < NKINDS; k++)
        cefo__free(ld.nodes[k]);
    if (st != CEFO_OK) {
        cefo_iotable_free(ld.t);
        return st;
    }
    *out = ld.t;
    return CEFO_OK;
}

/* An <iotable>, or the input-output view of a <network>, from a parsed document. */
static cefo_status load_any(cefo_iotable **out, xmlDoc *doc, const char *name, unsigned flags,
                            cefo_error *err)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    if (root && !root->ns && strcmp((const char *)root->name, "iotable") == 0)
        return load_doc(out, doc, name, flags, err);
    if (!root || root->ns || strcmp((const char *)root->name, "network") != 0)
        return cefo__error(err, CEFO_ERR_INVALID, name, root ? cefo__xml_line(root) : 1, NULL,
                           "the root element must be <iotable> or <network>");
    cefo_network *net = NULL;
    cefo_status st = cefo__network_from_doc(&net, doc, name, err);
    if (st == CEFO_OK)
        st = cefo_iotable_from_network(out, net, err);
    cefo_network_free(net);
    return st;
}

/* What the document loader is handed through its `out`: the table's place and the flags. */
typedef struct load_target {
    cefo_iotable **out;
    unsigned flags;
} load_target;

static cefo_status iotable_loader(void *out, xmlDoc *doc, const char *name, cefo_error *err)
{
    load_target *target = out;
    return load_any(target->out, doc, name, target->flags, err);
}

cefo_status cefo_iotable_load_memory_flags(cefo_iotable **out, const char *data, size_t len,
                                           const char *name, unsigned flags, cefo_error *err)
{
    load_target target = {out, flags};
    return cefo__load_memory_flags(out ? &target : NULL, data, len, name, flags, iotable_loader,
                                   err);
}

cefo_status cefo_iotable_load_file_flags(cefo_iotable **out, const char *path, unsigned flags,
                                         cefo_error *err)
{
    load_target target = {out, flags};
    return cefo__load_file_flags(out ? &target : NULL, path, flags, iotable_loader, err);
}

cefo_status cefo_iotable_load_memory(cefo_iotable **out, const char *data, size_t len,
                                     const char *name, cefo_error *err)
{
    return cefo_iotable_load_memory_flags(out, data, len, name, 0, err);
}

cefo_status cefo_iotable_load_file(cefo_iotable **out, const char *path, cefo_error *err)
{
    return cefo_iotable_load_file_flags(out, path, 0, err);
}
