/* dot_write.c - a plan as a Graphviz graph: processes, material flows, link flows. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "io/fmt.h"
#include "models/result.h"

/*
 * Text inside a DOT double-quoted string: \" and \\ so that no quote ends the string early
 * (no injected attribute) and no backslash escapes the closing quote or reads as a Graphviz
 * escape such as \N; a line break as \n; other control characters (refused in ids at load)
 * as a space.
 */
static void dot_text(FILE *fp, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(fp, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", fp);
        else
            fputc(*p < 0x20 || *p == 0x7f ? ' ' : *p, fp);
    }
}

static void dot_id(FILE *fp, const char *prefix, const char *id)
{
    fprintf(fp, "\"%s", prefix);
    dot_text(fp, id);
    fputc('"', fp);
}

static const char *colour(cefo__material_kind k)
{
    return k == CEFO__WASTE ? "sienna" : k == CEFO__RESOURCE ? "forestgreen" : "royalblue";
}

typedef struct dot_ctx {
    const cefo_result *r;
    double biggest;
} dot_ctx;

static void edge(const dot_ctx *c, FILE *fp, const char *fp_, const char *from, const char *tp,
                 const char *to, const cefo__material *m, double amount, double distance)
{
    char b[32];
    int planned = !isnan(amount);
    if (planned && fabs(amount) < 1e-9)
        return;
    fputs("  ", fp);
    dot_id(fp, fp_, from);
    fputs(" -> ", fp);
    dot_id(fp, tp, to);
    fprintf(fp, " [color=%s%s", colour(m->kind), m->kind == CEFO__WASTE ? ", style=dashed" : "");
    if (planned) {
        fprintf(fp, ", penwidth=%.2f, label=\"%s ",
                1 + 6 * fabs(amount) / (c->biggest > 0 ? c->biggest : 1),
                cefo__fmt_human(b, amount));
        dot_text(fp, m->unit);
        if (!isnan(distance))
            fprintf(fp, ", %s", cefo__fmt_human(b, distance));
        fputc('"', fp);
    } else if (!isnan(distance)) {
        fprintf(fp, ", label=\"%s\"", cefo__fmt_human(b, distance));
    }
    fputs("];\n", fp);
}

/* The amount of m that process p makes (out) or uses (in) in the plan; NAN without a plan. */
static double term_flow(const cefo_result *r, size_t p, const cefo__terms *t, size_t m)
{
    size_t k = cefo__terms_find(t, m);
    return k == CEFO__NO_TERM ? 0 : t->v[k].amount * r->activity[p];
}

static void write_dot(const void *ctx, FILE *fp)
{
    dot_ctx c = {ctx, 0};
    const cefo_result *r = c.r;
    const cefo_network *net = r->net;
    for (size_t l = 0; l < net->nlinks; l++)
        c.biggest = fmax(c.biggest, isnan(r->flow[l]) ? 0 : r->flow[l]);
    for (size_t p = 0; p < net->nprocesses; p++) {
        const cefo__terms *out = &net->processes[p].outputs;
        for (size_t t = 0; t < out->n; t++) {
            double v = out->v[t].amount * r->activity[p];
            c.biggest = isnan(v) ? c.biggest : fmax(c.biggest, fabs(v));
        }
    }
    fputs("digraph cefo {\n  rankdir=LR;\n  node [fontname=\"sans\"];\n", fp);
    if (net->name) { /* the network's name as the graph's title */
        fputs("  labelloc=t;\n  label=\"", fp);
        dot_text(fp, net->name);
        fputs("\";\n", fp);
    }
    fputs("  \"outside\" [shape=doublecircle, label=\"outside the cluster\"];\n", fp);
    static const char *const shapes[] = {"box", "box3d", "hexagon", "invtriangle"};
    for (size_t p = 0; p < net->nprocesses; p++) {
        const cefo__process *pr = &net->processes[p];
        char b[32];
        fputs("  ", fp);
        dot_id(fp, "p:", pr->id);
        fprintf(fp, " [shape=%s, label=\"", shapes[pr->kind]);
        dot_text(fp, pr->name && *pr->name ? pr->name : pr->id);
        fprintf(fp, "\\n%s\", tooltip=\"", cefo__fmt_human(b, r->activity[p]));
        dot_text(fp, pr->id);
        fputs("\"];\n", fp);
    }
    for (size_t m = 0; m < net->nmaterials; m++) {
        const cefo__material *mat = &net->materials[m];
        if (mat->linked)
            continue;
        fputs("  ", fp);
        dot_id(fp, "m:", mat->id);
        fprintf(fp, " [shape=ellipse, color=%s, label=\"", colour(mat->kind));
        dot_text(fp, mat->id);
        fputs("\"];\n", fp);
        for (size_t u = net->user_start[m]; u < net->user_start[m + 1]; u++) {
            size_t p = net->users[u];
            const cefo__process *pr = &net->processes[p];
            double made = term_flow(r, p, &pr->outputs, m), used = term_flow(r, p, &pr->inputs, m);
            if (made != 0) /* NAN without a plan: the edge is drawn, unlabelled */
                edge(&c, fp, "p:", pr->id, "m:", mat->id, mat, made, NAN);
            if (used != 0)
                edge(&c, fp, "m:", mat->id, "p:", pr->id, mat, used, NAN);
        }
    }
    for (size_t m = 0; m < net->nmaterials; m++) {
        const cefo__material *mat = &net->materials[m];
        const char *where = mat->linked ? "outside" : mat->id;
        const char *pre = mat->linked ? "" : "m:";
        if (r->import[m] > 0 && !mat->linked)
            edge(&c, fp, "", "outside", pre, where, mat, r->import[m], NAN);
        if (r->export[m] + r->discharge[m] > 0 && !mat->linked)
            edge(&c, fp, pre, where, "", "outside", mat, r->export[m] + r->discharge[m], NAN);
    }
    for (size_t l = 0; l < net->nlinks; l++) {
        const cefo__link *ln = &net->links[l];
        edge(&c, fp, "p:", net->processes[ln->from].id, "p:", net->processes[ln->to].id,
             &net->materials[ln->material], r->flow[l], ln->distance);
    }
    fputs("}\n", fp);
}

cefo_status cefo_result_write_dot(const cefo_result *res, FILE *fp, cefo_error *err)
{
    if (!res || !fp)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad arguments to write a graph");
    return cefo__write_stream(write_dot, res, fp, err);
}

cefo_status cefo_result_write_dot_file(const cefo_result *res, const char *path, cefo_error *err)
{
    if (!res || !path || !*path)
        return cefo__error(err, CEFO_ERR_ARG, path, 0, NULL, "bad arguments to write a graph");
    return cefo__write_atomic(write_dot, res, path, err);
}
