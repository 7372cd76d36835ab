/* csvnum.c - strict numeric CSV reading with optional header row and column. */
#include "io/csvnum.h"

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

static int numeric(const char *s, double *v)
{
    const char *why;
    if (!*s) {
        *v = 0.0;
        return 1;
    }
    return cefo__parse_number(s, v, &why) == 0;
}

typedef struct csv_state {
    const char *path;
    cefo_error *err;
    double *v;
    size_t n, cap, rows, cols;
    int header_col;
    char **fields;
    size_t maxf;
} csv_state;

static cefo_status csv_line(csv_state *c, char *line, int lineno, int first)
{
    size_t nf = split(line, c->fields, c->maxf);
    if (nf > c->maxf)
        return cefo__error(c->err, CEFO_ERR_INVALID, c->path, lineno, NULL, "too many fields");
    double v;
    if (first) {
        /* A header row: any field after the first that is not a number. */
        for (size_t i = 1; i < nf; i++)
            if (!numeric(c->fields[i], &v))
                return CEFO_OK;
    }
    if (c->rows == 0)
        c->header_col = !numeric(c->fields[0], &v);
    size_t ncols = nf - (size_t)c->header_col;
    if (c->rows > 0 && ncols != c->cols)
        return cefo__error(c->err, CEFO_ERR_INVALID, c->path, lineno, NULL,
                           "%zu values where earlier rows have %zu", ncols, c->cols);
    c->cols = ncols;
    if (cefo__grow((void **)&c->v, &c->cap, c->n + ncols, sizeof *c->v) != 0)
        return cefo__error(c->err, CEFO_ERR_NOMEM, c->path, 0, NULL, "out of memory");
    for (size_t i = (size_t)c->header_col; i < nf; i++) {
        if (!numeric(c->fields[i], &c->v[c->n++]))
            return cefo__error(c->err, CEFO_ERR_INVALID, c->path, lineno, NULL,
                               "field %zu, \"%.40s\", is not a plain decimal number", i + 1,
                               c->fields[i]);
    }
    c->rows++;
    return CEFO_OK;
}

cefo_status cefo__csv_numbers(const char *path, double **values, size_t *rows, size_t *cols,
                              cefo_error *err)
{
    char *buf;
    size_t len;
    cefo_status st = cefo__read_file(path, &buf, &len, err);
    if (st != CEFO_OK)
        return st;
    csv_state c = {.path = path, .err = err, .maxf = 1};
    for (size_t i = 0, commas = 0; i < len; i++) { /* the widest line bounds the fields */
        commas = buf[i] == '\n' ? 0 : commas + (buf[i] == ',');
        if (commas + 1 > c.maxf)
            c.maxf = commas + 1;
    }
    c.fields = cefo__calloc(c.maxf, sizeof *c.fields);
    if (!c.fields)
        st = cefo__error(err, CEFO_ERR_NOMEM, path, 0, NULL, "out of memory");
    char *line = buf;
    for (int lineno = 1; st == CEFO_OK && line && *line; lineno++) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        size_t l = strlen(line);
        if (l && line[l - 1] == '\r')
            line[l - 1] = '\0';
        if (*line)
            st = csv_line(&c, line, lineno, lineno == 1);
        line = end ? end + 1 : NULL;
    }
    cefo__free(c.fields);
    cefo__free(buf);
    if (st != CEFO_OK) {
        cefo__free(c.v);
        return st;
    }
    *values = c.v;
    *rows = c.rows;
    *cols = c.cols;
    return CEFO_OK;
}
