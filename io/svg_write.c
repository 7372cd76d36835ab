/* svg_write.c - a plan's material flows as an SVG Sankey diagram. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "io/fmt.h"
#include "io/report.h"
#include "io/sankey.h"

#define WIDTH 1100.0
#define HEIGHT 640.0
#define MARGIN 110.0

void cefo__xml_text(FILE *fp, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", fp); break;
        case '<': fputs("&lt;", fp); break;
        case '>': fputs("&gt;", fp); break;
        case '"': fputs("&quot;", fp); break;
        case '\'': fputs("&#39;", fp); break;
        default: fputc(*s, fp);
        }
    }
}

static const char *link_colour(const cefo_network *net, const cefo__slink *k)
{
    cefo__material_kind kind = net->materials[k->material].kind;
    if (k->chain) /* product chains and waste chains stand out */
        return kind == CEFO__WASTE ? "#a0522d" : "#2f63b0";
    return kind == CEFO__WASTE ? "#d9a67e" : kind == CEFO__RESOURCE ? "#86b886" : "#9db8e0";
}

static const char *node_kind(cefo__snode_kind k)
{
    static const char *const names[] = {"process", "material", "import", "demand", "export",
                                        "discharge"};
    return names[k];
}

static void write_link(const cefo_result *r, const cefo__sankey *s, const cefo__slink *k,
                       FILE *fp)
{
    const cefo__snode *a = &s->nodes[k->from], *b = &s->nodes[k->to];
    const cefo__material *m = &r->net->materials[k->material];
    double x0 = a->x + s->node_width, x1 = b->x;
    char b1[32];
    fprintf(fp, "<path class=\"link%s%s\" fill=\"none\" stroke=\"%s\" stroke-opacity=\"0.5\" "
                "stroke-width=\"%.2f\" d=\"",
            k->chain ? (m->kind == CEFO__WASTE ? " waste-chain" : " product-chain") : "",
            k->backward ? " loop" : "", link_colour(r->net, k), k->w);
    if (!k->backward && x1 > x0) {
        double xm = (x0 + x1) / 2;
        fprintf(fp, "M%.1f,%.1fC%.1f,%.1f %.1f,%.1f %.1f,%.1f", x0, k->sy, xm, k->sy, xm, k->ty,
                x1, k->ty);
    } else { /* a recycling loop: out to the right, under the diagram, back in from the left */
        double below = s->height + 24 + k->w;
        fprintf(fp, "M%.1f,%.1fC%.1f,%.1f %.1f,%.1f %.1f,%.1f L%.1f,%.1f C%.1f,%.1f %.1f,%.1f "
                    "%.1f,%.1f",
                x0, k->sy, x0 + 60, k->sy, x0 + 60, below, x0, below, x1, below, x1 - 60, below,
                x1 - 60, k->ty, x1, k->ty);
    }
    fputs("\"><title>", fp);
    cefo__xml_text(fp, a->label);
    fputs(" \u2192 ", fp);
    cefo__xml_text(fp, b->label);
    fputs(": ", fp);
    cefo__xml_text(fp, m->id);
    fprintf(fp, " %s ", cefo__fmt_human(b1, k->value));
    cefo__xml_text(fp, m->unit);
    if (k->link != CEFO__NO_LINK && !isnan(r->net->links[k->link].distance))
        fprintf(fp, ", distance %s", cefo__fmt_human(b1, r->net->links[k->link].distance));
    fputs("</title></path>\n", fp);
}

static void write_node(const cefo_result *r, const cefo__sankey *s, const cefo__snode *n,
                       FILE *fp)
{
    static const char *const fills[] = {"#4a4a4a", "#9a9a9a", "#2e8b57", "#1f4e9c", "#6a5acd",
                                        "#b22222"};
    char b1[32];
    int right = n->x > s->width / 2;
    fputs("<g class=\"node\" data-node=\"", fp);
    cefo__xml_text(fp, n->kind == CEFO__SNODE_PROCESS ? r->net->processes[n->item].id : n->label);
    fprintf(fp, "\" data-kind=\"%s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                "fill=\"%s\"/><text x=\"%.1f\" y=\"%.1f\" dy=\"0.35em\" text-anchor=\"%s\">",
            node_kind(n->kind), n->x, n->y, s->node_width, n->h, fills[n->kind],
            right ? n->x - 4 : n->x + s->node_width + 4, n->y + n->h / 2, right ? "end" : "start");
    cefo__xml_text(fp, n->label);
    fputs("</text><title>", fp);
    cefo__xml_text(fp, n->label);
    if (n->kind == CEFO__SNODE_PROCESS && strcmp(n->label, r->net->processes[n->item].id)) {
        fputs(" (", fp);
        cefo__xml_text(fp, r->net->processes[n->item].id);
        fputc(')', fp);
    }
    if (n->kind == CEFO__SNODE_PROCESS) {
        fprintf(fp, ": activity %s", cefo__fmt_human(b1, r->activity[n->item]));
    } else if (n->kind == CEFO__SNODE_MATERIAL) {
        fprintf(fp, ": %s ", cefo__fmt_human(b1, n->value));
        cefo__xml_text(fp, r->net->materials[n->item].unit);
        fputs(" through", fp);
    } else { /* a terminal gathers several materials: their amounts are on its flows */
        fprintf(fp, ": %s in all (units as on its flows)", cefo__fmt_human(b1, n->value));
    }
    fputs("</title></g>\n", fp);
}

void cefo__svg_sankey(const cefo_result *r, FILE *fp)
{
    cefo__sankey s;
    int ok = cefo__sankey_layout(r, WIDTH - 2 * MARGIN, HEIGHT, &s) == 0;
    double height = HEIGHT;
    if (ok && cefo__sankey_busiest_layer(&s) * 34.0 > HEIGHT) { /* room for every label */
        height = cefo__sankey_busiest_layer(&s) * 34.0;
        cefo__sankey_free(&s);
        ok = cefo__sankey_layout(r, WIDTH - 2 * MARGIN, height, &s) == 0;
    }
    double loops = 0; /* recycling loops pass under the diagram */
    for (size_t l = 0; ok && l < s.nlinks; l++)
        loops = s.links[l].backward ? fmax(loops, 24 + 2 * s.links[l].w) : loops;
    fprintf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sankey\" viewBox=\"0 0 %.0f "
                "%.0f\" width=\"%.0f\" height=\"%.0f\" font-family=\"sans-serif\" "
                "font-size=\"11\" role=\"img\">\n<title>",
            WIDTH, height + 60 + loops, WIDTH, height + 60 + loops);
    if (r && r->net->name) {
        cefo__xml_text(fp, r->net->name);
        fputs(": material flows of the plan</title>\n", fp);
    } else {
        fputs("Material flows of the plan</title>\n", fp);
    }
    if (!ok || s.nnodes == 0) {
        fputs("<text x=\"20\" y=\"40\">No plan to draw.</text>\n</svg>\n", fp);
        cefo__sankey_free(&s);
        return;
    }
    fprintf(fp, "<g transform=\"translate(%.0f,30)\">\n<g class=\"links\">\n", MARGIN);
    for (size_t l = 0; l < s.nlinks; l++)
        write_link(r, &s, &s.links[l], fp);
    fputs("</g>\n<g class=\"nodes\">\n", fp);
    for (size_t i = 0; i < s.nnodes; i++)
        write_node(r, &s, &s.nodes[i], fp);
    fputs("</g>\n</g>\n</svg>\n", fp);
    cefo__sankey_free(&s);
}

static void write_svg(const void *ctx, FILE *fp)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", fp);
    cefo__svg_sankey(ctx, fp);
}

cefo_status cefo_result_write_svg(const cefo_result *res, FILE *fp, cefo_error *err)
{
    if (!res || !fp)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad arguments to write a diagram");
    return cefo__write_stream(write_svg, res, fp, err);
}

cefo_status cefo_result_write_svg_file(const cefo_result *res, const char *path, cefo_error *err)
{
    if (!res || !path || !*path)
        return cefo__error(err, CEFO_ERR_ARG, path, 0, NULL, "bad arguments to write a diagram");
    return cefo__write_atomic(write_svg, res, path, err);
}
