/* blocks.c - sparse A X = B by strongly connected blocks in triangular order (Tarjan). */
#include "solver/blocks.h"

#include <limits.h>
#include <string.h>

#include "core/alloc.h"
#include "solver/dense.h"

/* A by rows, duplicates summed: row i is col/val[start[i] .. start[i + 1]). */
typedef struct csr {
    size_t *start;
    int *col;
    double *val;
} csr;

typedef struct work {
    int n, nrhs;
    csr a;
    double *b;
    /* Tarjan's state, one entry per row, and its explicit call stack. */
    int *index, *low, *stack, *frame, *where;
    size_t *next;       /* per frame: the next entry of its row to visit */
    unsigned char *on;
    int counter, sp, fp;
    cefo__block_stats st;
} work;

static int make_csr(int n, const cefo__triplet *t, csr *m, int *where)
{
    m->start = cefo__calloc((size_t)n + 2, sizeof *m->start);
    m->col = cefo__calloc(t->nnz + 1, sizeof *m->col);
    m->val = cefo__calloc(t->nnz + 1, sizeof *m->val);
    if (!m->start || !m->col || !m->val)
        return -1;
    for (size_t k = 0; k < t->nnz; k++)
        m->start[t->row[k] + 2]++;
    for (int i = 0; i < n; i++)
        m->start[i + 2] += m->start[i + 1];
    for (size_t k = 0; k < t->nnz; k++) {
        size_t q = m->start[t->row[k] + 1]++;
        m->col[q] = t->col[k];
        m->val[q] = t->val[k];
    }
    /* Sum duplicates in place: where[j] is j's slot in the row being compacted. */
    size_t w = 0, from = 0;
    for (int i = 0; i < n; i++) {
        size_t begin = w, to = m->start[i + 1];
        for (size_t q = from; q < to; q++) {
            int j = m->col[q];
            if (where[j] >= 0 && (size_t)where[j] >= begin) {
                m->val[where[j]] += m->val[q];
                continue;
            }
            where[j] = (int)w;
            m->col[w] = j;
            m->val[w++] = m->val[q];
        }
        from = to;
        m->start[i + 1] = w;
    }
    for (int j = 0; j < n; j++)
        where[j] = -1;
    return 0;
}

/* One row of a 1 x 1 block: every unknown it depends on is solved already. */
static cefo_status solve_one(work *w, int i, int *bad)
{
    double diag = 0;
    for (size_t q = w->a.start[i]; q < w->a.start[i + 1]; q++)
        if (w->a.col[q] == i)
            diag = w->a.val[q];
    if (diag == 0) {
        *bad = i;
        return CEFO_ERR_INVALID;
    }
    for (int r = 0; r < w->nrhs; r++) {
        double *x = w->b + (size_t)r * w->n, s = x[i];
        for (size_t q = w->a.start[i]; q < w->a.start[i + 1]; q++)
            if (w->a.col[q] != i)
                s -= w->a.val[q] * x[w->a.col[q]];
        x[i] = s / diag;
    }
    return CEFO_OK;
}

/* A loop of k rows (members m, where[m[p]] = p): its dense block, by LU. */
static cefo_status solve_loop(work *w, const int *m, int k, int *bad)
{
    size_t kk = (size_t)k;
    double *d = cefo__calloc(kk * kk, sizeof *d), *r = cefo__calloc(kk * (size_t)w->nrhs, sizeof *r);
    cefo__lu lu = {0};
    cefo_status st = d && r ? CEFO_OK : CEFO_ERR_NOMEM;
    for (int p = 0; st == CEFO_OK && p < k; p++) {
        int i = m[p];
        for (int c = 0; c < w->nrhs; c++)
            r[p + c * kk] = w->b[i + (size_t)c * w->n];
        for (size_t q = w->a.start[i]; q < w->a.start[i + 1]; q++) {
            int j = w->a.col[q];
            if (w->where[j] >= 0)
                d[p + (size_t)w->where[j] * kk] += w->a.val[q];
            else
                for (int c = 0; c < w->nrhs; c++)
                    r[p + c * kk] -= w->a.val[q] * w->b[j + (size_t)c * w->n];
        }
    }
    if (st == CEFO_OK) {
        int col = -1;
        st = cefo__lu_factor(&lu, k, d, &col); /* takes d over */
        d = NULL;
        if (st == CEFO_ERR_INVALID)
            *bad = m[col >= 0 ? col : 0];
        if (st == CEFO_OK)
            st = cefo__lu_solve(&lu, 0, w->nrhs, r);
    }
    for (int p = 0; st == CEFO_OK && p < k; p++)
        for (int c = 0; c < w->nrhs; c++)
            w->b[m[p] + (size_t)c * w->n] = r[p + c * kk];
    cefo__lu_free(&lu);
    cefo__free(d);
    cefo__free(r);
    return st;
}

/* The block Tarjan found with root v: the stack down to v, solved at once. */
static cefo_status emit(work *w, int v, int *bad)
{
    int k = 0, *m;
    do {
        k++;
    } while (w->stack[w->sp - k] != v);
    m = w->stack + (w->sp - k);
    for (int p = 0; p < k; p++) {
        w->on[m[p]] = 0;
        w->where[m[p]] = p;
    }
    w->st.blocks++;
    if (k > w->st.largest)
        w->st.largest = k;
    cefo_status st = k == 1 ? solve_one(w, v, bad) : solve_loop(w, m, k, bad);
    for (int p = 0; p < k; p++)
        w->where[m[p]] = -1;
    w->sp -= k;
    return st;
}

static void visit(work *w, int v)
{
    w->index[v] = w->low[v] = w->counter++;
    w->stack[w->sp++] = v;
    w->on[v] = 1;
    w->frame[w->fp] = v;
    w->next[w->fp++] = w->a.start[v];
}

/* Tarjan from root s, without recursion (a chain of 10,000 processes is a deep one). */
static cefo_status strongconnect(work *w, int s, int *bad)
{
    visit(w, s);
    while (w->fp > 0) {
        int v = w->frame[w->fp - 1];
        size_t q = w->next[w->fp - 1];
        if (q < w->a.start[v + 1]) {
            w->next[w->fp - 1]++;
            int j = w->a.col[q];
            if (j == v || w->a.val[q] == 0)
                continue;
            if (w->index[j] < 0)
                visit(w, j);
            else if (w->on[j] && w->index[j] < w->low[v])
                w->low[v] = w->index[j];
            continue;
        }
        w->fp--;
        if (w->fp > 0 && w->low[v] < w->low[w->frame[w->fp - 1]])
            w->low[w->frame[w->fp - 1]] = w->low[v];
        if (w->low[v] == w->index[v]) {
            cefo_status st = emit(w, v, bad);
            if (st != CEFO_OK)
                return st;
        }
    }
    return CEFO_OK;
}

static void work_free(work *w)
{
    cefo__free(w->a.start);
    cefo__free(w->a.col);
    cefo__free(w->a.val);
    cefo__free(w->index);
    cefo__free(w->low);
    cefo__free(w->stack);
    cefo__free(w->frame);
    cefo__free(w->where);
    cefo__free(w->next);
    cefo__free(w->on);
}

cefo_status cefo__block_solve(int n, const cefo__triplet *a, int nrhs, double *b, int *bad,
                              cefo__block_stats *stats)
{
    *bad = -1;
    if (a->nnz >= (size_t)INT_MAX)
        return CEFO_ERR_NOMEM;
    for (size_t k = 0; k < a->nnz; k++)
        if (a->row[k] < 0 || a->row[k] >= n || a->col[k] < 0 || a->col[k] >= n)
            return CEFO_ERR_ARG;
    size_t un = (size_t)(n > 0 ? n : 1);
    work w = {.n = n, .nrhs = nrhs, .b = b};
    w.index = cefo__calloc(un, sizeof *w.index);
    w.low = cefo__calloc(un, sizeof *w.low);
    w.stack = cefo__calloc(un, sizeof *w.stack);
    w.frame = cefo__calloc(un, sizeof *w.frame);
    w.where = cefo__calloc(un, sizeof *w.where);
    w.next = cefo__calloc(un, sizeof *w.next);
    w.on = cefo__calloc(un, 1);
    cefo_status st = CEFO_ERR_NOMEM;
    if (w.index && w.low && w.stack && w.frame && w.where && w.next && w.on) {
        for (int i = 0; i < n; i++)
            w.where[i] = w.index[i] = -1;
        st = make_csr(n, a, &w.a, w.where) == 0 ? CEFO_OK : CEFO_ERR_NOMEM;
    }
    if (st == CEFO_OK)
        w.st.nnz = w.a.start[n];
    for (int i = 0; st == CEFO_OK && i < n; i++)
        if (w.index[i] < 0)
            st = strongconnect(&w, i, bad);
    if (stats)
        *stats = w.st;
    work_free(&w);
    return st;
}
