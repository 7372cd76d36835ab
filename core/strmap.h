/* strmap.h - open-addressing hash map from borrowed strings to indices (ids of a network). */
#ifndef CEFO_CORE_STRMAP_H
#define CEFO_CORE_STRMAP_H

#include <stddef.h>

typedef struct cefo__strmap {
    const char **keys;  /* borrowed: the map never frees or copies them */
    size_t *vals;
    size_t cap;         /* a power of two, or 0 */
    size_t len;
} cefo__strmap;

/* Inserts key -> val. Returns 0, 1 when the key is already present (map unchanged), -1 on OOM. */
int cefo__strmap_put(cefo__strmap *m, const char *key, size_t val);
/* Returns 1 and sets *val when found, 0 otherwise. */
int cefo__strmap_get(const cefo__strmap *m, const char *key, size_t *val);
void cefo__strmap_free(cefo__strmap *m);

#endif
