/* abi.c - copying public structs between the library's version and the caller's. */
#include "abi.h"

#include <string.h>

#include "alloc.h"

cefo_status cefo__abi_check(const void *dst, size_t size, size_t first)
{
    return dst && size >= first ? CEFO_OK : CEFO_ERR_ARG;
}

cefo_status cefo__abi_put(void *dst, size_t size, const void *src, size_t full)
{
    memcpy(dst, src, size < full ? size : full);
    if (size > full)
        memset((char *)dst + full, 0, size - full);
    return CEFO_OK;
}

void *cefo__abi_array_in(const void *array, size_t n, size_t size, size_t full)
{
    char *copy = cefo__calloc(n ? n : 1, full);
    for (size_t i = 0; copy && i < n; i++)
        memcpy(copy + i * full, (const char *)array + i * size, size < full ? size : full);
    return copy;
}

void cefo__abi_array_out(void *array, size_t n, size_t size, const void *src, size_t full)
{
    for (size_t i = 0; i < n; i++)
        cefo__abi_put((char *)array + i * size, size, (const char *)src + i * full, full);
}
