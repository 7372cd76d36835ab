/* blocks.h - a sparse square system solved block by block in triangular order. */
#ifndef CEFO_SOLVER_BLOCKS_H
#define CEFO_SOLVER_BLOCKS_H

#include "cefo/cefo.h"
#include "core/sparse.h"

/* What a block solve met: for benchmarks and tests. */
typedef struct cefo__block_stats {
    int blocks;         /* strongly connected blocks (a 1 x 1 block counts too) */
    int largest;        /* rows of the largest block, factorised densely */
    size_t nnz;         /* distinct entries of A */
} cefo__block_stats;

/*
 * Solves A X = B for a sparse n x n matrix A (triplets, 0-based; entries at the same (i, j)
 * are summed). B is n x nrhs, column-major (leading dimension n), overwritten by X.
 * Row i depends on unknown j when A(i, j) != 0 (i != j). The rows are split into strongly
 * connected blocks of that dependence (Tarjan), which are solved in triangular order, each
 * after every block it depends on: a 1 x 1 block by a division, a larger one (a loop of
 * dependence) by a dense LU with partial pivoting (solver/dense.c). Memory: the entries plus
 * the largest block squared, never n^2. Returns CEFO_OK, CEFO_ERR_NOMEM, CEFO_ERR_ARG (an entry
 * out of range), or CEFO_ERR_INVALID when a block is exactly singular, with *bad its row whose
 * pivot vanished (-1 otherwise). `stats` may be NULL.
 */
cefo_status cefo__block_solve(int n, const cefo__triplet *a, int nrhs, double *b, int *bad,
                              cefo__block_stats *stats);

#endif
