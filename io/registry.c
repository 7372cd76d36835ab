/* registry.c - firm registries: CSV rows become elements of a network's grouping element. */
#include "io/registry.h"

#include <limits.h>
#include <libxml/xmlstring.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "core/strmap.h"
#include "io/csvnum.h"
#include "io/csvrec.h"
#include "io/number.h"
#include "io/xmlattr.h"
#include "io/xmldoc.h"

/*
 * What a cell of an attribute column may hold: text, a number (>= 0 unless signed), true or
 * false, or one of the attribute's values. These mirror the checks network_xml.c makes on the
 * same attributes, so that a bad cell is blamed on its line and column of the CSV.
 */
typedef enum { TEXT, NUMBER, SIGNED, BOOLEAN, CHOICE } cell_type;

typedef struct attr_spec {
    const char *name;
    cell_type type;
    int required;
    const char *const *choices; /* the values of a CHOICE */
} attr_spec;

/* The child columns: PREFIX:REF gives <PREFIX REFATTR="REF" amount="cell"/>. */
typedef struct child_spec {
    const char *prefix, *ref_attr;
    int is_signed;
} child_spec;

static const child_spec CHILDREN[] = {{"input", "material", 0},
                                      {"output", "material", 0},
                                      {"emission", "pollutant", 0},
                                      {"use", "resource", 1}};
enum { INPUT = 1, OUTPUT = 2, EMISSION = 4, USE = 8 };

typedef struct kind_spec {
    const char *group, *element;
    const attr_spec *attrs;
    unsigned children; /* the child columns allowed, by the bits above */
    const char *key;   /* the attribute unique per row, or NULL */
} kind_spec;

static const char *const MATERIAL_KINDS[] = {"product", "waste", "resource", NULL};
static const char *const PROCESS_KINDS[] = {"production", "treatment", "recycling", "disposal",
                                            NULL};
static const char *const SCOPES[] = {"period", "total", NULL};

#define REQUIRED(name) {name, TEXT, 1, NULL}
#define OPTIONAL(name, type) {name, type, 0, NULL}
#define ONE_OF(name, values) {name, CHOICE, 0, values}
#define END {NULL, TEXT, 0, NULL}

static const attr_spec POLLUTANT[] = {
    REQUIRED("id"), REQUIRED("unit"), OPTIONAL("name", TEXT), OPTIONAL("damage-cost", NUMBER),
    OPTIONAL("cap", NUMBER), END};
static const attr_spec MATERIAL[] = {
    REQUIRED("id"), REQUIRED("unit"), OPTIONAL("name", TEXT), ONE_OF("kind", MATERIAL_KINDS),
    OPTIONAL("import-cost", NUMBER), OPTIONAL("import-limit", NUMBER),
    OPTIONAL("export-price", NUMBER), OPTIONAL("discharge-cost", NUMBER), END};
static const attr_spec RESOURCE[] = {
    REQUIRED("id"), REQUIRED("unit"), OPTIONAL("name", TEXT), OPTIONAL("min", SIGNED),
    OPTIONAL("max", SIGNED), OPTIONAL("price", SIGNED), ONE_OF("scope", SCOPES), END};
static const attr_spec PROCESS[] = {
    REQUIRED("id"), OPTIONAL("name", TEXT), OPTIONAL("sector", TEXT), OPTIONAL("zone", TEXT),
    ONE_OF("kind", PROCESS_KINDS), OPTIONAL("capacity", NUMBER), OPTIONAL("min", NUMBER),
    OPTIONAL("cost", NUMBER), OPTIONAL("labour", NUMBER), OPTIONAL("optional", BOOLEAN),
    OPTIONAL("fixed-cost", NUMBER), OPTIONAL("group", TEXT), OPTIONAL("variant", TEXT),
    OPTIONAL("investment", NUMBER), OPTIONAL("lifetime", NUMBER), END};
static const attr_spec LINK[] = {
    REQUIRED("from"), REQUIRED("to"), REQUIRED("material"), OPTIONAL("cost", NUMBER),
    OPTIONAL("capacity", NUMBER), OPTIONAL("distance", NUMBER), OPTIONAL("optional", BOOLEAN),
    OPTIONAL("fixed-cost", NUMBER), OPTIONAL("investment", NUMBER), OPTIONAL("lifetime", NUMBER),
    END};
static const attr_spec DEMAND[] = {REQUIRED("material"), {"amount", NUMBER, 1, NULL}, END};

static const kind_spec KINDS[] = {
    {"pollutants", "pollutant", POLLUTANT, 0, "id"},
    {"materials", "material", MATERIAL, EMISSION, "id"},
    {"resources", "resource", RESOURCE, 0, "id"},
    {"processes", "process", PROCESS, INPUT | OUTPUT | EMISSION | USE, "id"},
    {"links", "link", LINK, USE, NULL},
    {"demands", "demand", DEMAND, 0, NULL},
};
#define NKINDS (sizeof KINDS / sizeof *KINDS)

/* One column of the file: an attribute, or a child naming `ref`. */
typedef struct column {
    const attr_spec *attr;
    const child_spec *child;
    const char *ref;
} column;

typedef struct registry {
    const kind_spec *kind;
    const char *file; /* the CSV, in errors */
    cefo_error *err;
    xmlNode *group;
    column *col;
    size_t ncol;
    cefo__strmap keys;
} registry;

#define FAIL(r, line, column, ...) cefo__csv_fail((r)->file, (r)->err, line, column, __VA_ARGS__)

static cefo_status nomem(const registry *r)
{
    return cefo__error(r->err, CEFO_ERR_NOMEM, r->file, 0, NULL, "out of memory");
}

/*
 * A cell as an XML attribute value would reach the loader: line breaks and tabs become
 * spaces (XML attribute-value normalisation; CRLF counts once), other control characters
 * and text that is not UTF-8 are refused as the XML parser and loader refuse them.
 */
static cefo_status clean(const registry *r, char *s, int line, size_t col)
{
    char *w = s;
    for (const char *p = s; *p; p++) {
        if (*p == '\r' && p[1] == '\n') continue;
        *w++ = *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p;
    }
    *w = '\0';
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return FAIL(r, line, col,
                        "column %zu holds a control character (U+%04X): only "
                        "printable text is allowed",
                        col, *p);
    if (!xmlCheckUTF8((const unsigned char *)s))
        return FAIL(r, line, col, "column %zu is not valid UTF-8 text", col);
    return CEFO_OK;
}

/* The meaning of one header cell. */
static cefo_status header_cell(registry *r, char *h, size_t i, int line)
{
    size_t col = i + 1;
    cefo_status st = clean(r, h, line, col);
    if (st != CEFO_OK) return st;
    column *c = &r->col[i];
    const char *colon = strchr(h, ':');
    for (size_t k = 0; colon && k < sizeof CHILDREN / sizeof *CHILDREN; k++) {
        if (strncmp(h, CHILDREN[k].prefix, (size_t)(colon - h)) != 0 ||
            CHILDREN[k].prefix[colon - h] != '\0' || !(r->kind->children & (1u << k)))
            continue;
        if (!colon[1])
            return FAIL(r, line, col, "column %zu's header '%s' names no %s after the colon", col,
                        h, CHILDREN[k].ref_attr);
        c->child = &CHILDREN[k];
        c->ref = colon + 1;
    }
    for (const attr_spec *a = r->kind->attrs; !c->child && a->name; a++)
        if (strcmp(a->name, h) == 0) c->attr = a;
    if (!c->attr && !c->child)
        return FAIL(r, line, col, "column %zu has an unknown header '%s' for a <%s>", col, h,
                    r->kind->element);
    for (size_t j = 0; j < i; j++) {
        const column *o = &r->col[j];
        if ((c->attr && o->attr == c->attr) ||
            (c->child && o->child == c->child && strcmp(o->ref, c->ref) == 0))
            return FAIL(r, line, col, "column %zu repeats the header '%s' of column %zu", col, h,
                        j + 1);
    }
    return CEFO_OK;
}

static cefo_status header(registry *r, const cefo__csv_reader *rd)
{
    r->ncol = rd->nfield;
    if (!(r->col = cefo__calloc(r->ncol, sizeof *r->col))) return nomem(r);
    cefo_status st = CEFO_OK;
    for (size_t i = 0; i < r->ncol && st == CEFO_OK; i++)
        st = header_cell(r, rd->field[i], i, rd->rec_line);
    for (const attr_spec *a = r->kind->attrs; st == CEFO_OK && a->name; a++) {
        size_t i = 0;
        while (a->required && i < r->ncol && r->col[i].attr != a)
            i++;
        if (a->required && i == r->ncol)
            st = FAIL(r, rd->rec_line, 0, "no column '%s': every <%s> needs one", a->name,
                      r->kind->element);
    }
    return st;
}

/* A cell checked against its column: numbers as strict as in XML, kinds, booleans. */
static cefo_status check_cell(registry *r, const column *c, const char *s, int line, size_t col)
{
    const char *name = c->attr ? c->attr->name : c->child->prefix;
    cell_type t = c->attr ? c->attr->type : c->child->is_signed ? SIGNED : NUMBER;
    if (!*s) {
        if (c->attr && c->attr->required)
            return FAIL(r, line, col, "column %zu (%s) is empty: every <%s> needs one", col, name,
                        r->kind->element);
        return CEFO_OK;
    }
    double v;
    const char *why;
    if ((t == NUMBER || t == SIGNED) && cefo__parse_number(s, &v, &why) != 0)
        return FAIL(r, line, col, "column %zu (%s) %s", col, name, why);
    if (t == NUMBER && v < 0)
        return FAIL(r, line, col, "column %zu (%s) is negative: it must be >= 0", col, name);
    if (t == BOOLEAN && strcmp(s, "true") != 0 && strcmp(s, "false") != 0)
        return FAIL(r, line, col, "column %zu (%s) must be true or false", col, name);
    if (t == CHOICE) {
        const char *const *k = c->attr->choices;
        while (*k && strcmp(*k, s) != 0)
            k++;
        if (!*k)
            return FAIL(r, line, col, "column %zu (%s) is not a %s of <%s>", col, name, name,
                        r->kind->element);
    }
    if (c->attr && r->kind->key && strcmp(name, r->kind->key) == 0) {
        int dup = cefo__strmap_put(&r->keys, s, (size_t)line);
        if (dup < 0) return nomem(r);
        size_t first;
        if (dup && cefo__strmap_get(&r->keys, s, &first))
            return FAIL(r, line, col, "column %zu repeats the %s '%s' of line %zu", col, name, s,
                        first);
    }
    return CEFO_OK;
}

/* A new element as the loader expects it: the line of its grouping element. */
static xmlNode *new_element(const registry *r, xmlNode *parent, const char *name)
{
    xmlNode *e = xmlNewDocNode(r->group->doc, NULL, BAD_CAST name, NULL);
    if (!e) return NULL;
    e->line = r->group->line;
    e->psvi = r->group->psvi; /* the exact line of a large one (cefo__xml_line) */
    if (!xmlAddChild(parent, e)) {
        xmlFreeNode(e);
        return NULL;
    }
    return e;
}

static cefo_status row(registry *r, const cefo__csv_reader *rd)
{
    int line = rd->rec_line;
    if (rd->nfield != r->ncol) {
        size_t col = (rd->nfield < r->ncol ? rd->nfield : r->ncol) + 1;
        return FAIL(r, line, col, "%zu cells where the header has %zu", rd->nfield, r->ncol);
    }
    cefo_status st = CEFO_OK;
    for (size_t i = 0; i < r->ncol && st == CEFO_OK; i++) {
        st = clean(r, rd->field[i], line, i + 1);
        if (st == CEFO_OK) st = check_cell(r, &r->col[i], rd->field[i], line, i + 1);
    }
    xmlNode *e = st == CEFO_OK ? new_element(r, r->group, r->kind->element) : NULL;
    if (st == CEFO_OK && !e) return nomem(r);
    for (size_t i = 0; i < r->ncol && st == CEFO_OK; i++) {
        const column *c = &r->col[i];
        const char *s = rd->field[i];
        if (!*s) continue;
        if (c->attr) {
            if (!xmlNewProp(e, BAD_CAST c->attr->name, BAD_CAST s)) st = nomem(r);
            continue;
        }
        xmlNode *k = new_element(r, e, c->child->prefix);
        if (!k || !xmlNewProp(k, BAD_CAST c->child->ref_attr, BAD_CAST c->ref) ||
            !xmlNewProp(k, BAD_CAST "amount", BAD_CAST s))
            st = nomem(r);
    }
    return st;
}

static cefo_status read_rows(registry *r, char *buf, size_t len)
{
    cefo__csv_reader rd;
    cefo__csv_begin(&rd, buf, len, r->file, r->err);
    int more;
    cefo_status st = cefo__csv_next(&rd, &more);
    if (st == CEFO_OK && !more)
        st = FAIL(r, 1, 0, "the file is empty: its first row must name the columns");
    if (st == CEFO_OK) st = header(r, &rd);
    while (st == CEFO_OK && (st = cefo__csv_next(&rd, &more)) == CEFO_OK && more)
        st = row(r, &rd);
    cefo__csv_end(&rd);
    return st;
}

/* One grouping element with src=: its file read, its rows added, src= removed. */
static cefo_status expand(const cefo__xctx *x, xmlNode *group, const kind_spec *kind,
                          unsigned flags)
{
    xmlChar *src = xmlGetNoNsProp(group, BAD_CAST "src");
    if (!src) return cefo__xnomem(x);
    int line = cefo__xml_line(group);
    cefo_status st = CEFO_OK;
    for (xmlNode *c = group->children; c && st == CEFO_OK; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            st = cefo__xfail(x, line, kind->group,
                             "<%s src=\"%s\"> takes its rows from the file: it holds no "
                             "elements of its own",
                             kind->group, (const char *)src);
    registry r = {.kind = kind, .err = x->err, .group = group};
    char *path = NULL, *buf = NULL, real[PATH_MAX];
    const char *open = NULL;
    size_t len;
    if (st == CEFO_OK)
        st = cefo__src_resolve(x, line, kind->group, (const char *)src, flags, NULL, &path, real,
                               &open);
    if (st == CEFO_OK) {
        r.file = path;
        st = cefo__read_file(open, &buf, &len, x->err);
        if (st != CEFO_OK && x->err) /* the file as the network names it */
            snprintf(x->err->file, sizeof x->err->file, "%s", path);
    }
    if (st == CEFO_OK) st = read_rows(&r, buf, len);
    if (st == CEFO_OK && xmlUnsetProp(group, BAD_CAST "src") != 0) st = cefo__xnomem(x);
    /* The file read stays known as <?cefo-src PATH?>, which the network keeps among its
     * inputs (cefo_network_input) so that no output may overwrite it. */
    xmlNode *pi = st == CEFO_OK ? xmlNewDocPI(group->doc, BAD_CAST "cefo-src", BAD_CAST path)
                                : NULL;
    if (st == CEFO_OK && (!pi || !xmlAddChild(group, pi))) {
        xmlFreeNode(pi);
        st = cefo__xnomem(x);
    }
    cefo__strmap_free(&r.keys);
    cefo__free(r.col);
    cefo__free(buf);
    cefo__free(path);
    xmlFree(src);
    return st;
}

static cefo_status walk(const cefo__xctx *x, xmlNode *parent, unsigned flags)
{
    cefo_status st = CEFO_OK;
    for (xmlNode *c = parent->children; c && st == CEFO_OK; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || c->ns) continue;
        size_t k = 0;
        while (k < NKINDS && strcmp((const char *)c->name, KINDS[k].group) != 0)
            k++;
        if (k == NKINDS) continue;
        if (xmlHasNsProp(c, BAD_CAST "src", NULL))
            st = expand(x, c, &KINDS[k], flags);
        else
            st = walk(x, c, flags); /* groupings may nest */
    }
    return st;
}

cefo_status cefo__registry_expand(xmlDoc *doc, const char *name, unsigned flags, cefo_error *err)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root || root->ns || strcmp((const char *)root->name, "network") != 0) return CEFO_OK;
    cefo__xctx x = {name, err};
    return walk(&x, root, flags);
}
