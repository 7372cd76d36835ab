/* alloc.c - allocation wrapper: every libcefo allocation passes here so tests can fail one. */
#include "core/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Thread-local so that a fault-injection test never disturbs another thread's work. */
static _Thread_local long fail_at;
static _Thread_local long count;

static int should_fail(void)
{
    count++;
    return fail_at > 0 && count >= fail_at;
}

long cefo__alloc_fail_at(long n)
{
    long made = count;
    fail_at = n;
    count = 0;
    return made;
}

void *cefo__malloc(size_t size)
{
    if (should_fail())
        return NULL;
    return malloc(size ? size : 1);
}

void *cefo__calloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    if (should_fail())
        return NULL;
    return calloc(n ? n : 1, size ? size : 1);
}

void *cefo__realloc_array(void *p, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    if (should_fail())
        return NULL;
    size_t bytes = n * size;
    return realloc(p, bytes != 0 ? bytes : 1);
}

void cefo__free(void *p)
{
    free(p);
}

char *cefo__strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = cefo__malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

int cefo__grow(void **p, size_t *cap, size_t n, size_t size)
{
    if (n <= *cap)
        return 0;
    size_t c = *cap ? *cap : 8;
    while (c < n)
        c *= 2;
    void *q = cefo__realloc_array(*p, c, size);
    if (!q)
        return -1;
    *p = q;
    *cap = c;
    return 0;
}
