/* csvnum.c - strict numeric CSV reading with optional header row and column. */
#include "io/csvnum.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
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

/* Splits one line in place into fields; quotes are removed. Returns the field count. */
static size_t split(char *line, char **fields, size_t max)
{
    size_t n = 0;
    char *p = line;
    for (;;) {
        char *start = p, *w = p;
        int quoted = *p == '"';
        if (quoted) {
            for (p++; *p && !(*p == '"' && p[1] != '"'); p++) {
                if (*p == '"')
                    p++; /* "" is a literal quote */
                *w++ = *p;
            }
            if (*p == '"')
                p++;
        } else {
            while (*p && *p != ',')
                *w++ = *p++;
        }
        char *next = *p == ',' ? p + 1 : NULL;
        *w = '\0';
        if (n < max)
            fields[n] = start;
        n++;
        if (!next)
            return n;
        p = next;
    }
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
    char **fields, **head;
    size_t maxf, nhead;
} csv_state;

/* CEFO_ERR_INVALID at a line and column of the CSV (column 0: the whole line). */
static cefo_status fail(const csv_state *s, int line, size_t column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static cefo_status fail(const csv_state *s, int line, size_t column, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cefo__error(s->err, CEFO_ERR_INVALID, s->name, line, NULL, "%s", msg);
    if (s->err)
        s->err->column = column > INT_MAX ? 0 : (int)column;
    return CEFO_ERR_INVALID;
}

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

static cefo_status csv_line(csv_state *s, char *line, int lineno, int first)
{
    cefo__csv *c = s->c;
    size_t nf = split(line, s->fields, s->maxf);
    if (nf > s->maxf)
        return fail(s, lineno, 0, "too many fields");
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

/* A NUL byte would end the text early and drop what follows: refuse it where it stands. */
static cefo_status check_nul(csv_state *s, const char *buf, size_t len)
{
    const char *nul = memchr(buf, '\0', len);
    if (!nul)
        return CEFO_OK;
    int line = 1;
    size_t column = 1;
    for (const char *p = buf; p < nul; p++) {
        if (*p == '\n')
            line++, column = 1;
        else
            column += *p == ',';
    }
    return fail(s, line, column, "column %zu holds a NUL byte", column);
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
    csv_state s = {.name = name ? name : path, .err = err, .c = out, .maxf = 1};
    for (size_t i = 0, commas = 0; i < len; i++) { /* the widest line bounds the fields */
        commas = buf[i] == '\n' ? 0 : commas + (buf[i] == ',');
        if (commas + 1 > s.maxf)
            s.maxf = commas + 1;
    }
    st = check_nul(&s, buf, len);
    if (st == CEFO_OK && !(s.fields = cefo__calloc(s.maxf, sizeof *s.fields)))
        st = nomem(&s);
    char *line = buf;
    int first = 1;
    for (int lineno = 1; st == CEFO_OK && line && *line; lineno++) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        size_t l = strlen(line);
        if (l && line[l - 1] == '\r')
            line[l - 1] = '\0';
        if (*line) {
            st = csv_line(&s, line, lineno, first);
            first = 0;
        }
        line = end ? end + 1 : NULL;
    }
    if (st == CEFO_OK)
        st = finish_header(&s);
    for (size_t i = 0; s.head && i < s.nhead; i++)
        cefo__free(s.head[i]);
    cefo__free(s.head);
    cefo__free(s.fields);
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
