/* sparse.h - the sparse triplet matrix models/ speaks and solver/ converts (0-based). */
#ifndef CEFO_CORE_SPARSE_H
#define CEFO_CORE_SPARSE_H

#include <stddef.h>

typedef struct cefo__triplet {
    int *row;
    int *col;
    double *val;
    size_t nnz;
    size_t cap;
} cefo__triplet;

/* Appends (i, j, v). Returns 0, or -1 when out of memory (matrix unchanged). */
int cefo__triplet_push(cefo__triplet *t, int i, int j, double v);
void cefo__triplet_free(cefo__triplet *t);

#endif
