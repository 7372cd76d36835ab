/* strmap.c - string-keyed hash map (FNV-1a, linear probing, load factor <= 1/2). */
#include "core/strmap.h"

#include <stdint.h>
#include <string.h>

#include "core/alloc.h"

static size_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return (size_t)h;
}

static int grow(cefo__strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 16;
    const char **keys = cefo__calloc(cap, sizeof *keys);
    size_t *vals = cefo__calloc(cap, sizeof *vals);
    if (!keys || !vals) {
        cefo__free(keys);
        cefo__free(vals);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = hash(m->keys[i]) & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
    }
    cefo__free(m->keys);
    cefo__free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
    return 0;
}

int cefo__strmap_put(cefo__strmap *m, const char *key, size_t val)
{
    if (2 * (m->len + 1) > m->cap && grow(m) != 0)
        return -1;
    size_t j = hash(key) & (m->cap - 1);
    for (; m->keys[j]; j = (j + 1) & (m->cap - 1))
        if (strcmp(m->keys[j], key) == 0)
            return 1;
    m->keys[j] = key;
    m->vals[j] = val;
    m->len++;
    return 0;
}

int cefo__strmap_get(const cefo__strmap *m, const char *key, size_t *val)
{
    if (!m->cap)
        return 0;
    for (size_t j = hash(key) & (m->cap - 1); m->keys[j]; j = (j + 1) & (m->cap - 1)) {
        if (strcmp(m->keys[j], key) == 0) {
            *val = m->vals[j];
            return 1;
        }
    }
    return 0;
}

void cefo__strmap_free(cefo__strmap *m)
{
    cefo__free(m->keys);
    cefo__free(m->vals);
    memset(m, 0, sizeof *m);
}
