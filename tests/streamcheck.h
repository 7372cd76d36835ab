/* streamcheck.h - a network input loaded both ways, streamed (the public loaders) and as a
 * document (io/loaders.h), must come out the same: the same error (status, file, line and
 * message) or the same network (its MPS export, warnings and registries). */
#ifndef CEFO_STREAMCHECK_H
#define CEFO_STREAMCHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/loaders.h"

/* The MPS export of a network (malloc'd text), or its build error as text. A network without
 * processes is compared by its counts (test_engines builds and solves such networks). */
static inline char *mps_text(const cefo_network *net)
{
    if (!cefo_network_count(net, CEFO_PROCESS)) {
        char *text = malloc(64);
        if (text)
            snprintf(text, 64, "%zu materials, %zu pollutants",
                     cefo_network_count(net, CEFO_MATERIAL), cefo_network_count(net, CEFO_POLLUTANT));
        return text;
    }
    cefo_problem *prob = NULL;
    cefo_error err = {0};
    char path[] = "/tmp/cefo-stream-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return NULL;
    close(fd);
    char *text = NULL;
    if (cefo_problem_build(&prob, net, &err) == CEFO_OK
        && cefo_problem_write(prob, CEFO_MODEL_MPS, path, &err) == CEFO_OK) {
        FILE *fp = fopen(path, "rb");
        size_t cap = 1 << 16, n = 0, got;
        text = malloc(cap);
        while (fp && text && (got = fread(text + n, 1, cap - n - 1, fp)) > 0)
            if ((n += got) + 1 == cap)
                text = realloc(text, cap *= 2);
        if (text)
            text[n] = '\0';
        if (fp)
            fclose(fp);
    } else if ((text = malloc(600)) != NULL) {
        snprintf(text, 600, "build: %d %s", err.line, err.message);
    }
    cefo_problem_free(prob);
    unlink(path);
    return text;
}

static inline int same_error(const cefo_error *a, const cefo_error *b)
{
    return a->line == b->line && strcmp(a->message, b->message) == 0
           && strcmp(a->file, b->file) == 0;
}

/* Two loads of one input agree: status, error, and for a network its model, warnings and
 * registries. */
static inline int same_network(cefo_status s1, const cefo_network *n1, const cefo_error *e1,
                               cefo_status s2, const cefo_network *n2, const cefo_error *e2)
{
    if (s1 != s2 || (s1 != CEFO_OK && !same_error(e1, e2)))
        return 0;
    if (s1 != CEFO_OK)
        return 1;
    size_t nw = cefo_network_warning_count(n1);
    int same = nw == cefo_network_warning_count(n2);
    /* What the model does not show: the <at> steps in order, the lines items keep. */
    same = same && n1->nsteps == n2->nsteps && n1->nprocesses == n2->nprocesses
           && n1->nmaterials == n2->nmaterials && n1->nlinks == n2->nlinks;
    for (size_t i = 0; same && i < n1->nsteps; i++) {
        const cefo__step *a = &n1->steps[i], *b = &n2->steps[i];
        same = a->kind == b->kind && a->item == b->item && a->period == b->period
               && a->offset == b->offset && a->value == b->value && a->line == b->line;
    }
    for (size_t i = 0; same && i < n1->nprocesses; i++)
        same = n1->processes[i].line == n2->processes[i].line;
    for (size_t i = 0; same && i < n1->nmaterials; i++)
        same = n1->materials[i].line == n2->materials[i].line;
    for (size_t i = 0; same && i < n1->nlinks; i++)
        same = n1->links[i].line == n2->links[i].line;
    for (size_t i = 0; same && i < nw; i++)
        same = same_error(cefo_network_warning(n1, i), cefo_network_warning(n2, i));
    for (size_t i = 0; same && (cefo_network_input(n1, i) || cefo_network_input(n2, i)); i++)
        same = cefo_network_input(n1, i) && cefo_network_input(n2, i)
               && strcmp(cefo_network_input(n1, i), cefo_network_input(n2, i)) == 0;
    char *m1 = same ? mps_text(n1) : NULL, *m2 = same ? mps_text(n2) : NULL;
    same = same && m1 && m2 && strcmp(m1, m2) == 0;
    free(m1);
    free(m2);
    return same;
}

/*
 * Loads `len` bytes of `data` (or the file `name` when data is NULL) through the public loader,
 * through the document alone and through the stream alone. Returns 1 when the public load and
 * the document agree and the stream alone took nothing the document refuses (and built the
 * same network when it took it); *streamed says whether the stream alone took the input.
 */
static inline int same_both_ways(const char *data, size_t len, const char *name, int *streamed)
{
    cefo_network *pub = NULL, *dom = NULL, *str = NULL;
    cefo_error e_pub = {0}, e_dom = {0}, e_str = {0};
    cefo_status s_pub = data ? cefo_network_load_memory(&pub, data, len, name, &e_pub)
                             : cefo_network_load_file(&pub, name, &e_pub);
    cefo_status s_dom = cefo__network_load_dom(&dom, data, len, name, &e_dom);
    cefo_status s_str = cefo__network_stream(&str, data, len, name, &e_str);
    int ok = same_network(s_pub, pub, &e_pub, s_dom, dom, &e_dom);
    if (s_str == CEFO_OK)
        ok = ok && same_network(s_str, str, &e_str, s_dom, dom, &e_dom);
    if (!ok)
        fprintf(stderr, "\n  %s: public %d line %d '%s'; document %d line %d '%s'; stream %d\n",
                name, s_pub, e_pub.line, e_pub.message, s_dom, e_dom.line, e_dom.message,
                s_str);
    *streamed = s_str == CEFO_OK;
    cefo_network_free(pub);
    cefo_network_free(dom);
    cefo_network_free(str);
    return ok;
}

#endif
