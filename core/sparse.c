/* sparse.c - growable triplet matrix. */
#include "core/sparse.h"

#include <string.h>

#include "core/alloc.h"

int cefo__triplet_push(cefo__triplet *t, int i, int j, double v)
{
    if (t->nnz == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 64;
        int *r = cefo__realloc_array(t->row, cap, sizeof *r);
        if (!r)
            return -1;
        t->row = r;
        int *c = cefo__realloc_array(t->col, cap, sizeof *c);
        if (!c)
            return -1;
        t->col = c;
        double *x = cefo__realloc_array(t->val, cap, sizeof *x);
        if (!x)
            return -1;
        t->val = x;
        t->cap = cap;
    }
    t->row[t->nnz] = i;
    t->col[t->nnz] = j;
    t->val[t->nnz] = v;
    t->nnz++;
    return 0;
}

void cefo__triplet_free(cefo__triplet *t)
{
    cefo__free(t->row);
    cefo__free(t->col);
    cefo__free(t->val);
    memset(t, 0, sizeof *t);
}
