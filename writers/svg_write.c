/* svg_write.c - a plan's material flows as an SVG Sankey diagram. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "core/alloc.h"
#include "writers/fmt.h"
#include "writers/report.h"
#include "writers/sankey.h"

#define WIDTH 1100.0
#define HEIGHT 640.0
#define MARGIN 110.0
#define COLUMN 120.0 /* px between layers at least */

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

/* What a flow carries: its material's (or, for an emission, its pollutant's) id and unit, and
 * the material's kind ("product", "waste", "resource"; "" for an emission). */
typedef struct carried {
    const char *id, *unit, *kind;
} carried;

static carried carried_by(const cefo_result *r, const cefo__slink *k)
{
    carried c = {"", "", ""};
    if (k->emission) {
        cefo_pollutant_result row;
        if (cefo_result_pollutant(r, k->material, &row) == CEFO_OK)
            c = (carried){row.id, row.unit, ""};
    } else {
        cefo_material_info row;
        if (cefo_network_material(cefo_result_network(r), k->material, &row) == CEFO_OK)
            c = (carried){row.id, row.unit, row.kind};
    }
    return c;
}

static const char *link_colour(const cefo__slink *k, const carried *c)
{
    if (k->emission)
        return "#6e6e6e";
    int waste = strcmp(c->kind, "waste") == 0;
    if (k->chain) /* product chains and waste chains stand out */
        return waste ? "#a0522d" : "#2f63b0";
    return waste ? "#d9a67e" : strcmp(c->kind, "resource") == 0 ? "#86b886" : "#9db8e0";
}

static const char *node_kind(cefo__snode_kind k)
{
    static const char *const names[] = {"process", "material", "import", "demand", "export",
                                        "discharge", "emission"};
    return names[k];
}

/* A loop: right out of its source, down below (or up over) the nodes it passes, left, and up
 * (or down) into its target. */
static void loop_path(const cefo__sankey *s, const cefo__slink *k, double x0, double x1, FILE *fp)
{
    double r = k->w / 2 + 6, xr = x0 + 4 + r, xl = x1 - 4 - r, y = k->loop_y;
    double d = y < k->sy ? -r : r; /* over the top, or under the bottom */
    (void)s;
    fprintf(fp, "M%.1f,%.1fL%.1f,%.1fQ%.1f,%.1f %.1f,%.1fL%.1f,%.1fQ%.1f,%.1f %.1f,%.1f"
                "L%.1f,%.1fQ%.1f,%.1f %.1f,%.1fL%.1f,%.1fQ%.1f,%.1f %.1f,%.1fL%.1f,%.1f",
            x0, k->sy, xr - r, k->sy, xr, k->sy, xr, k->sy + d, xr, y - d, xr, y, xr - r, y, xl + r,
            y, xl, y, xl, y - d, xl, k->ty + d, xl, k->ty, xl + r, k->ty, x1, k->ty);
}

static void write_link(const cefo_result *r, const cefo__sankey *s, const cefo__slink *k,
                       FILE *fp)
{
    const cefo__snode *a = &s->nodes[k->from], *b = &s->nodes[k->to];
    carried c = carried_by(r, k);
    int waste = !k->emission && strcmp(c.kind, "waste") == 0;
    double x0 = a->x + s->node_width, x1 = b->x;
    char b1[32];
    fprintf(fp, "<path class=\"link%s%s%s\" fill=\"none\" stroke=\"%s\" stroke-opacity=\"%s\" "
                "stroke-width=\"%.2f\" d=\"",
            k->chain ? (waste ? " waste-chain" : " product-chain") : "",
            k->emission ? " emission" : "", k->backward ? " loop" : "", link_colour(k, &c),
            k->emission ? "0.3" : "0.5", k->w);
    if (!k->backward && x1 > x0) {
        double xm = (x0 + x1) / 2;
        fprintf(fp, "M%.1f,%.1fC%.1f,%.1f %.1f,%.1f %.1f,%.1f", x0, k->sy, xm, k->sy, xm, k->ty,
                x1, k->ty);
    } else {
        loop_path(s, k, x0, x1, fp);
    }
    fputs("\"><title>", fp);
    cefo__xml_text(fp, a->label);
    fputs(" \u2192 ", fp);
    cefo__xml_text(fp, b->label);
    fputs(": ", fp);
    cefo__xml_text(fp, c.id);
    fprintf(fp, " %s ", cefo__fmt_human(b1, k->value));
    cefo__xml_text(fp, c.unit);
    double distance = k->link != CEFO__NO_LINK
                          ? cefo_network_link_distance(cefo_result_network(r), k->link)
                          : NAN;
    if (!isnan(distance))
        fprintf(fp, ", distance %s", cefo__fmt_human(b1, distance));
    fputs("</title></path>\n", fp);
}

static void write_amount(const cefo__slink *k, const char *amount, FILE *fp)
{
    fprintf(fp, "<text class=\"amount\" x=\"%.1f\" y=\"%.1f\" dy=\"0.35em\" "
                "text-anchor=\"middle\">",
            k->ax, k->ay);
    cefo__xml_text(fp, amount);
    fputs("</text>\n", fp);
}

static void write_label(const cefo__snode *n, FILE *fp)
{
    static const char *const anchors[] = {"end", "middle", "start"};
    fprintf(fp, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\" dy=\"0.35em\" text-anchor=\"%s\">",
            n->lx, n->ly, anchors[n->anchor + 1]);
    if (!n->split) {
        cefo__xml_text(fp, n->label);
    } else { /* two lines around the anchor point */
        char first[256];
        size_t len = n->split - 1 < sizeof first - 1 ? n->split - 1 : sizeof first - 1;
        memcpy(first, n->label, len);
        first[len] = '\0';
        fprintf(fp, "<tspan x=\"%.1f\" dy=\"-0.25em\">", n->lx);
        cefo__xml_text(fp, first);
        fprintf(fp, "</tspan><tspan x=\"%.1f\" dy=\"1.2em\">", n->lx);
        cefo__xml_text(fp, n->label + n->split);
        fputs("</tspan>", fp);
    }
    fputs("</text>", fp);
}

static void write_node(const cefo_result *r, const cefo__sankey *s, const cefo__snode *n,
                       FILE *fp)
{
    static const char *const fills[] = {"#4a4a4a", "#9a9a9a", "#2e8b57", "#1f4e9c", "#6a5acd",
                                        "#b22222", "#6e6e6e"};
    const cefo_network *net = cefo_result_network(r);
    const char *id = n->kind == CEFO__SNODE_PROCESS ? cefo_network_id(net, CEFO_PROCESS, n->item)
                                                   : n->label;
    char b1[32];
    fputs("<g class=\"node\" data-node=\"", fp);
    cefo__xml_text(fp, id);
    fprintf(fp, "\" data-kind=\"%s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                "fill=\"%s\"/>",
            node_kind(n->kind), n->x, n->y, s->node_width, n->h, fills[n->kind]);
    fputs("<title>", fp);
    cefo__xml_text(fp, n->label);
    if (n->kind == CEFO__SNODE_PROCESS && strcmp(n->label, id)) {
        fputs(" (", fp);
        cefo__xml_text(fp, id);
        fputc(')', fp);
    }
    if (n->kind == CEFO__SNODE_PROCESS) {
        cefo_process_result row = {.activity = NAN};
        cefo_result_process(r, n->item, &row);
        fprintf(fp, ": activity %s", cefo__fmt_human(b1, row.activity));
    } else if (n->kind == CEFO__SNODE_MATERIAL) {
        cefo_material_info row = {.unit = NULL};
        cefo_network_material(net, n->item, &row);
        fprintf(fp, ": %s ", cefo__fmt_human(b1, n->value));
        cefo__xml_text(fp, row.unit);
        fputs(" through", fp);
    } else if (n->kind == CEFO__SNODE_EMISSION) {
        cefo_pollutant_result row = {.emission = NAN};
        cefo_result_pollutant(r, n->item, &row);
        fprintf(fp, ": %s ", cefo__fmt_human(b1, row.emission));
        cefo__xml_text(fp, row.unit);
        fputs(" emitted", fp);
    } else { /* a terminal gathers several materials: their amounts are on its flows */
        fprintf(fp, ": %s in all (units as on its flows)", cefo__fmt_human(b1, n->value));
    }
    fputs("</title></g>\n", fp);
}

/* Lays the plan out: wide enough for a column of labels per layer, tall enough for its
 * busiest layer and its tallest nodes; then places the labels. 0, or -1 (memory). */
static int layout(const cefo_result *r, cefo__sankey *s, char ***amounts)
{
    double height = HEIGHT;
    if (cefo__sankey_layout(r, WIDTH - 2 * MARGIN, height, s) != 0)
        return -1;
    if (s->nnodes && (cefo__sankey_busiest_layer(s) * 34.0 > height || s->needed > height)) {
        height = fmax(cefo__sankey_busiest_layer(s) * 34.0, s->needed * 1.1);
        cefo__sankey_free(s);
        if (cefo__sankey_layout(r, WIDTH - 2 * MARGIN, height, s) != 0)
            return -1;
    }
    int last = 0;
    double right = 0;
    for (size_t i = 0; i < s->nnodes; i++)
        last = s->nodes[i].layer > last ? s->nodes[i].layer : last;
    s->width = fmax(WIDTH - 2 * MARGIN, last * COLUMN + s->node_width);
    for (size_t i = 0; i < s->nnodes; i++) { /* layers are columns: x is free to choose */
        cefo__snode *n = &s->nodes[i];
        n->x = last ? (s->width - s->node_width) * n->layer / last : 0;
        if (n->layer == last)
            right = fmax(right, cefo__sankey_text_width(n->label, strlen(n->label)));
    }
    s->margin_left = MARGIN - 10;
    s->margin_right = fmax(MARGIN - 10, right + s->node_width + 10);
    *amounts = cefo__calloc(s->nlinks + 1, sizeof **amounts);
    if (!*amounts)
        return -1;
    for (size_t l = 0; l < s->nlinks; l++) {
        const cefo__slink *k = &s->links[l];
        char b1[32], text[96];
        if (k->w < CEFO__SANKEY_LINE - 2 || k->backward)
            continue;
        snprintf(text, sizeof text, "%s %s", cefo__fmt_human(b1, k->value), carried_by(r, k).unit);
        if (!((*amounts)[l] = cefo__strdup(text)))
            return -1;
    }
    return cefo__sankey_place_labels(s, (const char *const *)*amounts);
}

void cefo__svg_sankey(const cefo_result *r, FILE *fp)
{
    cefo__sankey s;
    char **amounts = NULL;
    int ok = layout(r, &s, &amounts) == 0; /* -1: out of memory */
    if (!ok)
        cefo__write_nomem();
    double top = ok ? s.top : 0; /* relaxation may leave a node above 0, loops run above */
    for (size_t i = 0; ok && i < s.nnodes; i++)
        top = fmin(top, fmin(s.nodes[i].y, s.nodes[i].ly - CEFO__SANKEY_LINE * 1.5));
    double w = ok ? s.margin_left + s.width + s.margin_right : WIDTH;
    double h = ok ? s.bottom - top + 60 : HEIGHT;
    fprintf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sankey\" viewBox=\"0 0 %.0f "
                "%.0f\" width=\"%.0f\" height=\"%.0f\" font-family=\"sans-serif\" "
                "font-size=\"%.0f\" role=\"img\">\n<title>",
            w, h, w, h, CEFO__SANKEY_FONT);
    const char *name = cefo_network_name(cefo_result_network(r));
    if (name) {
        cefo__xml_text(fp, name);
        fputs(": material flows of the plan</title>\n", fp);
    } else {
        fputs("Material flows of the plan</title>\n", fp);
    }
    if (!ok || s.nnodes == 0) {
        fputs("<text x=\"20\" y=\"40\">No plan to draw.</text>\n</svg>\n", fp);
    } else {
        fprintf(fp, "<g transform=\"translate(%.0f,%.0f)\">\n<g class=\"links\">\n", s.margin_left,
                30 - top);
        for (size_t l = 0; l < s.nlinks; l++)
            write_link(r, &s, &s.links[l], fp);
        fputs("</g>\n<g class=\"nodes\">\n", fp);
        for (size_t i = 0; i < s.nnodes; i++)
            write_node(r, &s, &s.nodes[i], fp);
        /* labels over every node and flow, each on a white halo */
        fputs("</g>\n<g class=\"labels\" stroke=\"#fff\" stroke-width=\"3\" "
              "stroke-opacity=\"0.8\" paint-order=\"stroke\">\n", fp);
        for (size_t i = 0; i < s.nnodes; i++) {
            write_label(&s.nodes[i], fp);
            fputc('\n', fp);
        }
        fputs("</g>\n<g class=\"amounts\" fill=\"#222\" stroke=\"#fff\" stroke-width=\"3\" "
              "stroke-opacity=\"0.8\" paint-order=\"stroke\">\n", fp);
        for (size_t l = 0; l < s.nlinks; l++)
            if (s.links[l].amount)
                write_amount(&s.links[l], amounts[l], fp);
        fputs("</g>\n</g>\n</svg>\n", fp);
    }
    for (size_t l = 0; amounts && l < s.nlinks; l++)
        cefo__free(amounts[l]);
    cefo__free(amounts);
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
