/* abi.h - the public structs that grow: copying a row into a caller's struct of any version. */
#ifndef CEFO_CORE_ABI_H
#define CEFO_CORE_ABI_H

#include <stddef.h>

#include "cefo/cefo.h"

/*
 * A struct the library fills (a result row, a cost term, a footprint row...) is the caller's,
 * compiled against some version of cefo.h: the public accessors are macros that pass
 * `sizeof *(row)` to a `_sized` function (docs/c-api.md, "ABI"). The library fills the fields
 * that fit in that size and zeroes any bytes past its own struct, so a program built against
 * an older header gets the fields it knows and one built against a newer header reads 0/NULL
 * for fields this library does not have. A size smaller than the struct's first version is
 * refused (CEFO_ERR_ARG) before anything is written.
 *
 * CEFO__END(type, field) is the size of `type` up to and including `field`: the first
 * version of a struct ends at the field that was last when the promise was made, and stays
 * there whatever is added after it.
 */
#define CEFO__END(type, field) (offsetof(type, field) + sizeof(((type *)0)->field))

/* CEFO_ERR_ARG unless dst is not NULL and size >= first (the first version's size). */
cefo_status cefo__abi_check(const void *dst, size_t size, size_t first);

/* Copies the library's struct `src` (its size `full`) into the caller's `dst` of `size`
 * bytes, zeroing what lies past `full`. Returns CEFO_OK. */
cefo_status cefo__abi_put(void *dst, size_t size, const void *src, size_t full);

/* Arrays of structs `size` bytes apart (the caller's) and `full` bytes apart (the library's):
 * a copy of the caller's n structs in the library's layout, the fields an older caller does
 * not have zeroed (NULL when out of memory; free it with cefo__free), and the library's n
 * structs copied out into the caller's array. */
void *cefo__abi_array_in(const void *array, size_t n, size_t size, size_t full);
void cefo__abi_array_out(void *array, size_t n, size_t size, const void *src, size_t full);

/*
 * Defines the public `name_sized(h, i, row, size)` over `impl(h, i, row)`, which fills the
 * library's own struct, and the symbol `name(h, i, row)` that programs built before the
 * sized accessors call (their structs are the first version).
 */
#define CEFO__ABI_INDEXED(name, impl, handle, type, last)                                      \
    CEFO_API cefo_status name##_sized(const handle *h, size_t i, type *row, size_t size)       \
    {                                                                                          \
        type full = {0};                                                                       \
        cefo_status st = cefo__abi_check(row, size, CEFO__END(type, last));                    \
        if (st == CEFO_OK)                                                                     \
            st = impl(h, i, &full);                                                            \
        return st == CEFO_OK ? cefo__abi_put(row, size, &full, sizeof full) : st;              \
    }                                                                                          \
    CEFO_API cefo_status(name)(const handle *h, size_t i, type *row);                          \
    CEFO_API cefo_status(name)(const handle *h, size_t i, type *row)                           \
    {                                                                                          \
        return name##_sized(h, i, row, CEFO__END(type, last));                                 \
    }

/* The same for accessors without an index: `name_sized(h, out, size)` over `impl(h, out)`. */
#define CEFO__ABI_WHOLE(name, impl, handle, type, last)                                        \
    CEFO_API cefo_status name##_sized(const handle *h, type *out, size_t size)                 \
    {                                                                                          \
        type full = {0};                                                                       \
        cefo_status st = cefo__abi_check(out, size, CEFO__END(type, last));                    \
        if (st == CEFO_OK)                                                                     \
            st = impl(h, &full);                                                               \
        return st == CEFO_OK ? cefo__abi_put(out, size, &full, sizeof full) : st;              \
    }                                                                                          \
    CEFO_API cefo_status(name)(const handle *h, type *out);                                    \
    CEFO_API cefo_status(name)(const handle *h, type *out)                                     \
    {                                                                                          \
        return name##_sized(h, out, CEFO__END(type, last));                                    \
    }

#endif
