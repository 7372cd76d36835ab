/* dot_write.c - a plan as a Graphviz graph: processes, material flows, link flows. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "writers/fmt.h"

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

static const char *colour(const char *kind)
{
    return strcmp(kind, "waste") == 0      ? "sienna"
           : strcmp(kind, "resource") == 0 ? "forestgreen"
                                           : "royalblue";
}

typedef struct dot_ctx {
    const cefo_result *r;
    const cefo_network *net;
    double biggest;
} dot_ctx;

static void edge(const dot_ctx *c, FILE *fp, const char *fp_, const char *from, const char *tp,
                 const char *to, const cefo_material_info *m, double amount, double distance)
{
    char b[32];
    int planned = !isnan(amount);
    if (planned && fabs(amount) < 1e-9)
        return;
    fputs("  ", fp);
    dot_id(fp, fp_, from);
    fputs(" -> ", fp);
    dot_id(fp, tp, to);
    int waste = strcmp(m->kind, "waste") == 0;
    fprintf(fp, " [color=%s%s", colour(m->kind), waste ? ", style=dashed" : "");
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

/* The amount of material m that process p makes (role CEFO_OUTPUT) or uses (CEFO_INPUT) at
 * `activity`: its first term of m, as the balances count it; NAN without a plan. */
static double term_flow(const cefo_network *net, size_t p, cefo_role role, size_t m,
                        double activity)
{
    size_t n = cefo_network_term_count(net, CEFO_PROCESS, p, role);
    cefo_term_info t;
    for (size_t k = 0; k < n; k++)
        if (cefo_network_term(net, CEFO_PROCESS, p, role, k, &t) == CEFO_OK && t.item == m)
            return t.amount * activity;
    return 0;
}

static double activity(const cefo_result *r, size_t p)
{
    cefo_process_result row;
    return cefo_result_process(r, p, &row) == CEFO_OK ? row.activity : NAN;
}

static double biggest_flow(const cefo_result *r, const cefo_network *net)
{
    double big = 0;
    size_t nl = cefo_network_count(net, CEFO_LINK), np = cefo_network_count(net, CEFO_PROCESS);
    cefo_link_result lr;
    for (size_t l = 0; l < nl; l++)
        if (cefo_result_link(r, l, &lr) == CEFO_OK)
            big = fmax(big, isnan(lr.flow) ? 0 : lr.flow);
    for (size_t p = 0; p < np; p++) {
        double x = activity(r, p);
        cefo_term_info t;
        for (size_t k = 0; k < cefo_network_term_count(net, CEFO_PROCESS, p, CEFO_OUTPUT); k++) {
            cefo_network_term(net, CEFO_PROCESS, p, CEFO_OUTPUT, k, &t);
            double v = t.amount * x;
            big = isnan(v) ? big : fmax(big, fabs(v));
        }
    }
    return big;
}

static void write_processes(FILE *fp, const cefo_result *r, const cefo_network *net)
{
    static const char *const kinds[] = {"production", "treatment", "recycling", "disposal"};
    static const char *const shapes[] = {"box", "box3d", "hexagon", "invtriangle"};
    size_t np = cefo_network_count(net, CEFO_PROCESS);
    for (size_t p = 0; p < np; p++) {
        cefo_process_info pr;
        char b[32];
        size_t shape = 0;
        cefo_network_process(net, p, &pr);
        while (shape < 3 && strcmp(kinds[shape], pr.kind) != 0)
            shape++;
        fputs("  ", fp);
        dot_id(fp, "p:", pr.id);
        fprintf(fp, " [shape=%s, label=\"", shapes[shape]);
        dot_text(fp, pr.name && *pr.name ? pr.name : pr.id);
        fprintf(fp, "\\n%s\", tooltip=\"", cefo__fmt_human(b, activity(r, p)));
        dot_text(fp, pr.id);
        fputs("\"];\n", fp);
    }
}

/* A pooled material: its node, and an edge from each process that makes it and to each that
 * uses it. */
static void write_pool(const dot_ctx *c, FILE *fp, size_t m, const cefo_material_info *mat)
{
    fputs("  ", fp);
    dot_id(fp, "m:", mat->id);
    fprintf(fp, " [shape=ellipse, color=%s, label=\"", colour(mat->kind));
    dot_text(fp, mat->id);
    fputs("\"];\n", fp);
    size_t n;
    const size_t *users = cefo_network_material_users(c->net, m, &n);
    for (size_t u = 0; u < n; u++) {
        size_t p = users[u];
        const char *id = cefo_network_id(c->net, CEFO_PROCESS, p);
        double x = activity(c->r, p);
        double made = term_flow(c->net, p, CEFO_OUTPUT, m, x);
        double used = term_flow(c->net, p, CEFO_INPUT, m, x);
        if (made != 0) /* NAN without a plan: the edge is drawn, unlabelled */
            edge(c, fp, "p:", id, "m:", mat->id, mat, made, NAN);
        if (used != 0)
            edge(c, fp, "m:", mat->id, "p:", id, mat, used, NAN);
    }
}

static void write_dot(const void *ctx, FILE *fp)
{
    const cefo_result *r = ctx;
    dot_ctx c = {r, cefo_result_network(r), 0};
    const cefo_network *net = c.net;
    size_t nm = cefo_network_count(net, CEFO_MATERIAL), nl = cefo_network_count(net, CEFO_LINK);
    c.biggest = biggest_flow(r, net);
    fputs("digraph cefo {\n  rankdir=LR;\n  node [fontname=\"sans\"];\n", fp);
    if (cefo_network_name(net)) { /* the network's name as the graph's title */
        fputs("  labelloc=t;\n  label=\"", fp);
        dot_text(fp, cefo_network_name(net));
        fputs("\";\n", fp);
    }
    fputs("  \"outside\" [shape=doublecircle, label=\"outside the cluster\"];\n", fp);
    write_processes(fp, r, net);
    cefo_material_info mat;
    for (size_t m = 0; m < nm; m++)
        if (cefo_network_material(net, m, &mat) == CEFO_OK && !mat.linked)
            write_pool(&c, fp, m, &mat);
    for (size_t m = 0; m < nm; m++) {
        cefo_material_result mr;
        cefo_network_material(net, m, &mat);
        cefo_result_material(r, m, &mr);
        if (mat.linked)
            continue;
        if (mr.import > 0)
            edge(&c, fp, "", "outside", "m:", mat.id, &mat, mr.import, NAN);
        if (mr.export + mr.discharge > 0)
            edge(&c, fp, "m:", mat.id, "", "outside", &mat, mr.export + mr.discharge, NAN);
    }
    for (size_t l = 0; l < nl; l++) {
        cefo_link_info ln;
        cefo_link_result lr;
        cefo_network_link(net, l, &ln);
        cefo_result_link(r, l, &lr);
        cefo_network_material(net, ln.material, &mat);
        edge(&c, fp, "p:", lr.from, "p:", lr.to, &mat, lr.flow, ln.distance);
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
