/* alloc.h - the one allocation wrapper of libcefo, with fault injection for tests. */
#ifndef CEFO_CORE_ALLOC_H
#define CEFO_CORE_ALLOC_H

#include <stddef.h>

void *cefo__malloc(size_t size);
/* Zeroed array of n items; NULL on overflow of n * size. */
void *cefo__calloc(size_t n, size_t size);
/* Resizes an array to n items of size bytes; NULL (and p untouched) on failure. */
void *cefo__realloc_array(void *p, size_t n, size_t size);
void cefo__free(void *p);
char *cefo__strdup(const char *s);

/*
 * Test hook: the n-th allocation from now (1-based) on this thread fails, and every one
 * after it until the hook is reset with n = 0. Returns how many allocations were made on
 * this thread since the last call.
 */
long cefo__alloc_fail_at(long n);

/*
 * Ensures the array *p of *cap items of `size` bytes has room for n items, doubling as it
 * grows. Returns 0, or -1 when out of memory (*p and *cap unchanged).
 */
int cefo__grow(void **p, size_t *cap, size_t n, size_t size);

#endif
