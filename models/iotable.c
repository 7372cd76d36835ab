/* iotable.c - input-output tables: allocation, lookup, and the view of a network as a table. */
#include "models/iotable.h"

#include <math.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "models/network.h"

#define CEFO__NONE_ITEM ((size_t)-1)

static void free_strings(char **v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        cefo__free(v[i]);
    cefo__free(v);
}

void cefo_iotable_free(cefo_iotable *t)
{
    if (!t)
        return;
    free_strings(t->ids, t->n);
    free_strings(t->ext_ids, t->k);
    free_strings(t->ext_units, t->k);
    free_strings(t->waste_ids, t->w);
    free_strings(t->inputs, t->ninputs);
    cefo__free(t->treatment);
    cefo__free(t->line);
    cefo__free(t->z);
    cefo__free(t->y);
    cefo__free(t->x);
    cefo__free(t->f);
    cefo__free(t->g);
    cefo__free(t->gy);
    cefo__free(t->s);
    cefo__strmap_free(&t->sector_ids);
    cefo__strmap_free(&t->waste_index);
    cefo__free(t->file);
    cefo__free(t);
}

cefo_iotable *cefo__iotable_new(const char *file, size_t n, size_t k)
{
    cefo_iotable *t = cefo__calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->n = n;
    t->k = k;
    t->file = cefo__strdup(file ? file : "<memory>");
    t->ids = cefo__calloc(n, sizeof *t->ids);
    t->treatment = cefo__calloc(n, sizeof *t->treatment);
    t->line = cefo__calloc(n, sizeof *t->line);
    t->z = cefo__calloc(n * n, sizeof *t->z); /* n is bounded by the loaders, n * n fits */
    t->y = cefo__calloc(n, sizeof *t->y);
    t->x = cefo__calloc(n, sizeof *t->x);
    t->ext_ids = cefo__calloc(k, sizeof *t->ext_ids);
    t->ext_units = cefo__calloc(k, sizeof *t->ext_units);
    t->f = cefo__calloc(k * n, sizeof *t->f);
    if (!t->file || !t->ids || !t->treatment || !t->line || !t->z || !t->y || !t->x
        || !t->ext_ids || !t->ext_units || !t->f) {
        cefo_iotable_free(t);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        t->x[i] = NAN;
    return t;
}

int cefo__iotable_set_wastes(cefo_iotable *t, size_t w)
{
    t->w = w;
    t->waste_ids = cefo__calloc(w, sizeof *t->waste_ids);
    t->g = cefo__calloc(w * t->n, sizeof *t->g);
    t->gy = cefo__calloc(w, sizeof *t->gy);
    t->s = cefo__calloc(t->n * w, sizeof *t->s);
    return t->waste_ids && t->g && t->gy && t->s ? 0 : -1;
}

size_t cefo_iotable_size(const cefo_iotable *t)
{
    return t ? t->n : 0;
}

int cefo__iotable_add_input(cefo_iotable *t, char *path)
{
    char **grown = cefo__realloc_array(t->inputs, t->ninputs + 1, sizeof *grown);
    if (!grown) {
        cefo__free(path);
        return -1;
    }
    t->inputs = grown;
    t->inputs[t->ninputs++] = path;
    return 0;
}

const char *cefo_iotable_input(const cefo_iotable *t, size_t i)
{
    return t && i < t->ninputs ? t->inputs[i] : NULL;
}

const char *cefo_iotable_sector(const cefo_iotable *t, size_t i)
{
    return t && i < t->n ? t->ids[i] : NULL;
}

cefo_status cefo_iotable_find(const cefo_iotable *t, const char *id, size_t *i)
{
    if (!t || !id || !i)
        return CEFO_ERR_ARG;
    return cefo__strmap_get(&t->sector_ids, id, i) ? CEFO_OK : CEFO_ERR_INVALID;
}

/* The single producing process of each product, or an error naming the product. */
static cefo_status producers(const cefo_network *net, size_t *producer, size_t *nsectors,
                             cefo_error *err)
{
    *nsectors = 0;
    for (size_t m = 0; m < net->nmaterials; m++)
        producer[m] = CEFO__NONE_ITEM;
    for (size_t p = 0; p < net->nprocesses; p++) {
        const cefo__process *pr = &net->processes[p];
        size_t products = 0;
        for (size_t t = 0; t < pr->outputs.n; t++) {
            size_t m = pr->outputs.v[t].item;
            if (net->materials[m].kind != CEFO__PRODUCT)
                continue;
            if (++products > 1)
                return cefo__error(err, CEFO_ERR_INVALID, net->file, pr->line, "process",
                                   "process '%s' outputs more than one product; the "
                                   "input-output view needs one product per process", pr->id);
            if (producer[m] != CEFO__NONE_ITEM)
                return cefo__error(err, CEFO_ERR_INVALID, net->file, net->materials[m].line,
                                   "material",
                                   "product '%s' is made by both '%s' and '%s'; the "
                                   "input-output view needs exactly one producer per product",
                                   net->materials[m].id, net->processes[producer[m]].id, pr->id);
            producer[m] = p;
            (*nsectors)++;
        }
    }
    return CEFO_OK;
}

typedef struct ext_builder {
    cefo_iotable *t;
    size_t next;
} ext_builder;

static int add_extension(ext_builder *b, const char *prefix, const char *id, const char *unit)
{
    size_t len = strlen(prefix) + strlen(id) + 1;
    char *name = cefo__malloc(len);
    if (!name)
        return -1;
    memcpy(name, prefix, strlen(prefix));
    memcpy(name + strlen(prefix), id, strlen(id) + 1);
    b->t->ext_ids[b->next] = name;
    b->t->ext_units[b->next] = cefo__strdup(unit);
    return b->t->ext_units[b->next++] ? 0 : -1;
}

/* Extensions: every pollutant, labour, every waste generated, every material bought in. */
static int derive_extensions(ext_builder *b, const cefo_network *net, const size_t *producer,
                             const size_t *sector_of)
{
    cefo_iotable *t = b->t;
    for (size_t k = 0; k < net->npollutants; k++)
        if (add_extension(b, "", net->pollutants[k].id, net->pollutants[k].unit) != 0)
            return -1;
    if (add_extension(b, "", "labour", "labour") != 0)
        return -1;
    size_t first_material = b->next;
    for (size_t m = 0; m < net->nmaterials; m++) {
        const cefo__material *mat = &net->materials[m];
        if (producer[m] != CEFO__NONE_ITEM)
            continue;
        const char *prefix = mat->kind == CEFO__WASTE ? "waste:" : "input:";
        if (add_extension(b, prefix, mat->id, mat->unit) != 0)
            return -1;
    }
    for (size_t m = 0; m < net->nmaterials; m++) {
        if (producer[m] == CEFO__NONE_ITEM)
            continue;
        size_t j = sector_of[m];
        const cefo__process *pr = &net->processes[producer[m]];
        double out = cefo__terms_amount(&pr->outputs, m);
        if (out <= 0)
            continue; /* a zero recipe: the column stays empty */
        for (size_t q = 0; q < pr->inputs.n; q++) {
            size_t i = pr->inputs.v[q].item;
            if (producer[i] != CEFO__NONE_ITEM)
                t->z[sector_of[i] * t->n + j] = pr->inputs.v[q].amount / out;
        }
        for (size_t q = 0; q < pr->emissions.n; q++)
            t->f[pr->emissions.v[q].item * t->n + j] = pr->emissions.v[q].amount / out;
        t->f[net->npollutants * t->n + j] = pr->labour / out;
        size_t e = first_material;
        for (size_t i = 0; i < net->nmaterials; i++) {
            if (producer[i] != CEFO__NONE_ITEM)
                continue;
            const cefo__terms *terms = net->materials[i].kind == CEFO__WASTE ? &pr->outputs
                                                                             : &pr->inputs;
            t->f[e++ * t->n + j] = cefo__terms_amount(terms, i) / out;
        }
    }
    return 0;
}

cefo_status cefo_iotable_from_network(cefo_iotable **out, const cefo_network *net,
                                      cefo_error *err)
{
    if (!out || !net)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "no network");
    size_t *producer = cefo__calloc(net->nmaterials, sizeof *producer);
    size_t *sector_of = cefo__calloc(net->nmaterials, sizeof *sector_of);
    size_t n = 0;
    cefo_iotable *t = NULL;
    cefo_status st = producer && sector_of ? producers(net, producer, &n, err)
                                            : cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL,
                                                          "out of memory");
    if (st != CEFO_OK)
        goto done;
    size_t others = 0;
    for (size_t m = 0; m < net->nmaterials; m++)
        others += producer[m] == CEFO__NONE_ITEM;
    t = cefo__iotable_new(net->file, n, net->npollutants + 1 + others);
    st = t ? CEFO_OK : cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    for (size_t m = 0, j = 0; st == CEFO_OK && m < net->nmaterials; m++) {
        if (producer[m] == CEFO__NONE_ITEM)
            continue;
        sector_of[m] = j;
        t->ids[j] = cefo__strdup(net->materials[m].id);
        t->line[j] = net->materials[m].line;
        t->y[j] = net->materials[m].demand;
        t->x[j] = 1.0; /* Z holds per-unit coefficients, so unit output makes A = Z */
        if (!t->ids[j] || cefo__strmap_put(&t->sector_ids, t->ids[j], j) != 0)
            st = cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
        j++;
    }
    ext_builder b = {t, 0};
    if (st == CEFO_OK && derive_extensions(&b, net, producer, sector_of) != 0)
        st = cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
done:
    cefo__free(producer);
    cefo__free(sector_of);
    if (st != CEFO_OK) {
        cefo_iotable_free(t);
        return st;
    }
    *out = t;
    return CEFO_OK;
}
