/* csvnum.c - strict numeric CSV reading with optional header row and column. */
#include "io/csvnum.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "io/csvrec.h"
#include "io/number.h"
#include "io/xmldoc.h"

char *cefo__path_beside(const char *base, const char *rel)
{
    const char *slash = base ? strrchr(base, '/') : NULL;
    if (rel[0] == '/' || !slash)
        return cefo__strdup(rel);
    size_t dir = (size_t)(slash - base) + 1, n = strlen(rel);
    char *p = cefo__malloc(dir + n + 1);
    if (p) {
        memcpy(p, base, dir);
        memcpy(p + dir, rel, n + 1);
    }
    return p;
}

int cefo__path_inside(const char *base, const char *path, char *real)
{
    char dir[PATH_MAX], rdir[PATH_MAX];
    const char *slash = base ? strrchr(base, '/') : NULL;
    size_t n = slash ? (slash == base ? 1 : (size_t)(slash - base)) : 1;
    if (n >= sizeof dir)
        return -1;
    memcpy(dir, slash ? base : ".", n);
    dir[n] = '\0';
    if (!realpath(dir, rdir) || !realpath(path, real))
        return -1;
    n = strlen(rdir);
    if (n == 1) /* the root holds everything */
        return 1;
    return strncmp(real, rdir, n) == 0 && real[n] == '/';
}

/* A cell: empty is 0, else a strict number. 0, or -1 with the reason in *why. */
static int cell(const char *s, double *v, const char **why)
{
    if (!*s) {
        *v = 0.0;
        return 0;
    }
    return cefo__parse_number(s, v, why);
}

static int numeric(const char *s)
{
    double v;
    const char *why;
    return cell(s, &v, &why) == 0;
}

typedef struct csv_state {
    const char *name;
    cefo_error *err;
    cefo__csv *c;
    size_t n, cap, cap_lines, cap_labels;
    char **fields, **head; /* the current record's fields; the header row's, kept */
    size_t nhead;
} csv_state;

cefo_status cefo__src_resolve(const cefo__xctx *x, int line, const char *element, const char *src,
                              unsigned flags, const char *hint, char **path, char *real,
                              const char **open)
{
    cefo_status st = CEFO_OK;
    *path = cefo__path_beside(x->file, src);
    if (!*path)
        return cefo__xnomem(x);
    *open = *path;
    if (!(flags & CEFO_LOAD_SRC_ANYWHERE)) {
        int inside = cefo__path_inside(x->file, *path, real);
        if (inside < 0)
            st = cefo__error(x->err, errno == ENOENT ? CEFO_ERR_NOFILE : CEFO_ERR_IO, *path, 0,
                             NULL, "cannot open: %s", strerror(errno));
        else if (!inside)
            st = cefo__xfail(x, line, element, "src=\"%s\" is outside the folder of the XML file%s%s",
                             src, hint ? " " : "", hint ? hint : "");
        *open = real;
    }
    if (st != CEFO_OK) {
        cefo__free(*path);
        *path = NULL;
    }
    return st;
}

#define fail(s, line, column, ...) cefo__csv_fail((s)->name, (s)->err, line, column, __VA_ARGS__)

static cefo_status nomem(const csv_state *s)
{
    return cefo__error(s->err, CEFO_ERR_NOMEM, s->name, 0, NULL, "out of memory");
}

/* Keeps the header row's fields until the first data row tells whether the first is a label. */
static cefo_status keep_header(csv_state *s, size_t nf, int lineno)
{
    s->head = cefo__calloc(nf, sizeof *s->head);
    if (!s->head)
        return nomem(s);
    s->nhead = nf;
    s->c->head_line = lineno;
    for (size_t i = 0; i < nf; i++)
        if (!(s->head[i] = cefo__strdup(s->fields[i])))
            return nomem(s);
    return CEFO_OK;
}

static cefo_status csv_line(csv_state *s, size_t nf, int lineno, int first)
{
    cefo__csv *c = s->c;
    /* A header row: any field after the first that is not a number. */
    for (size_t i = 1; first && i < nf; i++)
        if (!numeric(s->fields[i]))
            return keep_header(s, nf, lineno);
    if (c->rows == 0)
        c->head_col = !numeric(s->fields[0]);
    size_t hc = (size_t)c->head_col, ncols = nf - hc;
    if (c->rows > 0 && ncols != c->cols)
        return fail(s, lineno, 0, "%zu values where earlier rows have %zu", ncols, c->cols);
    c->cols = ncols;
    if (cefo__grow((void **)&c->v, &s->cap, s->n + ncols, sizeof *c->v) != 0)
        return nomem(s);
    if (cefo__grow((void **)&c->row_line, &s->cap_lines, c->rows + 1, sizeof *c->row_line) != 0
        || (hc && cefo__grow((void **)&c->row_head, &s->cap_labels, c->rows + 1,
                             sizeof *c->row_head) != 0))
        return nomem(s);
    c->row_line[c->rows] = lineno;
    if (hc && !(c->row_head[c->rows] = cefo__strdup(s->fields[0])))
        return nomem(s);
    c->rows++; /* counted now, so that its label is freed on any error below */
    for (size_t i = hc; i < nf; i++) {
        const char *why;
        if (cell(s->fields[i], &c->v[s->n++], &why) != 0)
            return fail(s, lineno, i + 1, "column %zu %s", i + 1, why);
    }
    return CEFO_OK;
}

/* The header row's labels of the value columns, once the first data row told their place. */
static cefo_status finish_header(csv_state *s)
{
    cefo__csv *c = s->c;
    if (!s->head)
        return CEFO_OK;
    size_t hc = c->rows ? (size_t)c->head_col : 0;
    if (c->rows && s->nhead != c->cols + hc)
        return fail(s, c->head_line, 0, "the header row has %zu fields where the rows have %zu",
                    s->nhead, c->cols + hc);
    if (!c->rows)
        c->cols = s->nhead; /* a header and no values: every field is a label */
    c->col_head = cefo__calloc(s->nhead, sizeof *c->col_head);
    if (!c->col_head)
        return nomem(s);
    for (size_t i = hc; i < s->nhead; i++) {
        c->col_head[i - hc] = s->head[i];
        s->head[i] = NULL;
    }
    return CEFO_OK;
}

void cefo__csv_free(cefo__csv *c)
{
    if (!c)
        return;
    for (size_t i = 0; c->col_head && i < c->cols; i++)
        cefo__free(c->col_head[i]);
    for (size_t i = 0; c->row_head && i < c->rows; i++)
        cefo__free(c->row_head[i]);
    cefo__free(c->col_head);
    cefo__free(c->row_head);
    cefo__free(c->row_line);
    cefo__free(c->v);
    memset(c, 0, sizeof *c);
}

cefo_status cefo__csv_read(const char *path, const char *name, cefo__csv *out, cefo_error *err)
{
    char *buf;
    size_t len;
    memset(out, 0, sizeof *out);
    cefo_status st = cefo__read_file(path, &buf, &len, err);
    if (st != CEFO_OK) {
        if (err && name) { /* the file as the table names it */
            char msg[sizeof err->message];
            memcpy(msg, err->message, sizeof msg);
            cefo__error(err, err->code, name, 0, NULL, "%s", msg);
        }
        return st;
    }
    csv_state s = {.name = name ? name : path, .err = err, .c = out};
    cefo__csv_reader r;
    cefo__csv_begin(&r, buf, len, s.name, err);
    for (int more = 1, first = 1; st == CEFO_OK && more; first = 0) {
        st = cefo__csv_next(&r, &more);
        s.fields = r.field;
        if (st == CEFO_OK && more)
            st = csv_line(&s, r.nfield, r.rec_line, first);
    }
    cefo__csv_end(&r);
    if (st == CEFO_OK)
        st = finish_header(&s);
    for (size_t i = 0; s.head && i < s.nhead; i++)
        cefo__free(s.head[i]);
    cefo__free(s.head);
    cefo__free(buf);
    if (st != CEFO_OK)
        cefo__csv_free(out);
    return st;
}

cefo_status cefo__csv_numbers(const char *path, double **values, size_t *rows, size_t *cols,
                              cefo_error *err)
{
    cefo__csv c;
    cefo_status st = cefo__csv_read(path, NULL, &c, err);
    if (st != CEFO_OK)
        return st;
    *values = c.v;
    *rows = c.rows;
    *cols = c.cols;
    c.v = NULL;
    cefo__csv_free(&c);
    return CEFO_OK;
}
