/* report_trajectory.c - a programme in the HTML report: its periods as a table (years,
 * discounting, costs, firms by state, emissions and caps) and its trajectory as SVG (firms
 * by state per period; each capped pollutant's emission against its cap, per period). Reads
 * the programme and its periods through the public API. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "writers/fmt.h"
#include "writers/report.h"
#include "writers/sankey.h"

#define PLOT_H 220.0   /* px of the plot area */
#define TOP 32.0       /* room above it for the axis title */
#define BOTTOM 48.0    /* below it: period labels, then the axis title */
#define MIN_SLOT 56.0  /* px per period at least */
#define ROW 18.0       /* legend rows */
#define TICK_GAP 24.0  /* px between ticks at least (a label is 13 px tall) */
#define INSIDE 15.0    /* a segment this tall holds its number */

/* The programme's firms by state: count[t * nstates + v] groups in state v in period t. */
typedef struct states {
    size_t nperiods, nstates;
    size_t *count;
} states;

/* One chart's geometry: the y axis at `left`, the plot from `top` down PLOT_H px to the
 * baseline, `slot` px per period, values 0..ymax with a tick every `step`. */
typedef struct chart {
    double left, top, slot, bar, ymax, step;
    size_t nperiods;
} chart;

static double width_of(const char *s)
{
    return cefo__sankey_text_width(s, strlen(s));
}

/* Widens *w to the width of s. */
static void widen(double *w, const char *s)
{
    *w = fmax(*w, width_of(s));
}

static const char *period_id(const cefo_result *r, size_t t)
{
    return cefo_network_period_id(cefo_result_network(r), t);
}

/* The state of a group in a period, as the counts of cefo_result_area_groups name it. */
static const char *state_label(const cefo_group_result *g)
{
    return !g->chosen ? "closed" : g->variant ? g->variant : "running";
}

static int count_states(const cefo_result *r, states *s)
{
    size_t ng = cefo_result_count(r, CEFO_GROUP), nv = cefo_result_variant_count(r);
    s->nperiods = cefo_result_period_count(r);
    s->nstates = nv;
    s->count = cefo__calloc(s->nperiods * nv + 1, sizeof *s->count);
    if (!s->count)
        return -1;
    for (size_t t = 0; t < s->nperiods; t++)
        for (size_t g = 0; g < ng; g++) {
            cefo_group_result row;
            if (cefo_result_trajectory(r, g, t, &row) != CEFO_OK)
                continue;
            for (size_t v = 0; v < nv; v++)
                if (!strcmp(state_label(&row), cefo_result_variant(r, v)))
                    s->count[t * nv + v]++;
        }
    return 0;
}

/* Colours by the usual labels, else from a palette; `dark` when the text on it is white. */
static const char *state_colour(const char *label, size_t v, int *dark)
{
    static const char *const known[][2] = {{"keep", "#a6bddb"},     {"running", "#a6bddb"},
                                           {"rectify", "#74c476"},  {"relocate", "#fdae6b"},
                                           {"closed", "#636363"}};
    static const char *const palette[] = {"#bcbddc", "#fdd0a2", "#c7e9c0",
                                          "#d9d9d9", "#9edae5", "#f7b6d2"};
    *dark = !strcmp(label, "closed");
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (!strcmp(label, known[i][0]))
            return known[i][1];
    return palette[v % (sizeof palette / sizeof *palette)];
}

/* A step of 1, 2 or 5 times a power of ten that keeps ticks TICK_GAP px apart or more. */
static void axis_range(chart *c, double vmax, int integers)
{
    if (!(vmax > 0))
        vmax = 1;
    double raw = vmax * TICK_GAP / PLOT_H, mag = pow(10, floor(log10(raw))), step = 10 * mag;
    for (int m = 1; m <= 5; m += m == 1 ? 1 : 3)
        if (m * mag >= raw) {
            step = m * mag;
            break;
        }
    if (integers && step < 1)
        step = 1;
    c->step = step;
    c->ymax = ceil(vmax / step - 1e-9) * step;
}

static double chart_y(const chart *c, double v)
{
    return c->top + PLOT_H - v * PLOT_H / c->ymax;
}

static double tick_width(const chart *c)
{
    double w = 0;
    char b[32];
    for (double v = 0; v <= c->ymax + c->step / 2; v += c->step)
        widen(&w, cefo__fmt_human(b, v));
    return w;
}

/* Slots as wide as the widest period label or value label needs. */
static void lay_out(chart *c, const cefo_result *r, double widest_value)
{
    double w = widest_value;
    c->nperiods = cefo_result_period_count(r);
    for (size_t t = 0; t < c->nperiods; t++)
        widen(&w, period_id(r, t));
    c->slot = fmax(MIN_SLOT, w + 14);
    c->bar = fmax(0.6 * c->slot, widest_value + 6);
    c->left = fmax(36, tick_width(c) + 12);
    c->top = TOP;
}

static void svg_open(FILE *fp, const char *cls, const char *title, double w, double h)
{
    fprintf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trajectory %s\" width=\"%.0f\" "
                "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\" "
                "font-size=\"%.0f\" role=\"img\"><title>",
            cls, w, h, w, h, CEFO__SANKEY_FONT);
    cefo__xml_text(fp, title);
    fputs("</title>\n", fp);
}

static void text_at(FILE *fp, const char *cls, double x, double y, const char *anchor,
                    const char *fill, const char *s)
{
    fprintf(fp, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" dy=\".35em\" text-anchor=\"%s\" "
                "fill=\"%s\">",
            cls, x, y, anchor, fill);
    cefo__xml_text(fp, s);
    fputs("</text>\n", fp);
}

/* Axes, grid, tick labels, period labels and both axis titles. */
static void axes(FILE *fp, const cefo_result *r, const chart *c, const char *ytitle)
{
    double right = c->left + c->nperiods * c->slot, base = chart_y(c, 0);
    char b[32];
    for (double v = 0; v <= c->ymax + c->step / 2; v += c->step) {
        double y = chart_y(c, v);
        fprintf(fp, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>\n",
                c->left, y, right, y);
        text_at(fp, "tick", c->left - 6, y, "end", "#444", cefo__fmt_human(b, v));
    }
    fprintf(fp, "<line class=\"baseline\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                "stroke=\"#444\"/>\n<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                "stroke=\"#444\"/>\n",
            c->left, base, right, base, c->left, c->top, c->left, base);
    for (size_t t = 0; t < c->nperiods; t++)
        text_at(fp, "period", c->left + (t + 0.5) * c->slot, base + 14, "middle", "#222",
                period_id(r, t));
    text_at(fp, "axis-title", c->left, c->top - 18, "start", "#222", ytitle);
    text_at(fp, "axis-title", (c->left + right) / 2, base + 34, "middle", "#222", "period");
}

static void legend_entry(FILE *fp, double x, double y, const char *colour, int line,
                         const char *label)
{
    if (line)
        fprintf(fp, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    "stroke-width=\"2\"/>\n",
                x, y, x + 12, y, colour);
    else
        fprintf(fp, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>\n", x,
                y - 6, colour);
    text_at(fp, "legend", x + 18, y, "start", "#222", label);
}

static double svg_height(size_t legend_rows)
{
    return fmax(TOP + PLOT_H + BOTTOM, TOP + legend_rows * ROW + 10);
}

static void states_chart(FILE *fp, const cefo_result *r, const states *s)
{
    size_t nv = s->nstates, total = 0;
    double legend_w = 0, count_w = 0;
    char b[32];
    for (size_t t = 0; t < s->nperiods; t++) {
        size_t n = 0;
        for (size_t v = 0; v < nv; v++)
            n += s->count[t * nv + v];
        total = n > total ? n : total;
    }
    snprintf(b, sizeof b, "%zu", total);
    widen(&count_w, b);
    for (size_t v = 0; v < nv; v++)
        widen(&legend_w, cefo_result_variant(r, v));
    chart c;
    axis_range(&c, (double)total, 1);
    lay_out(&c, r, count_w);
    double lx = c.left + c.nperiods * c.slot + 20;
    svg_open(fp, "states", "Firms by state in each period", lx + 18 + legend_w + 10,
             svg_height(nv));
    axes(fp, r, &c, "firms");
    for (size_t t = 0; t < s->nperiods; t++) {
        const char *pid = period_id(r, t);
        double y = chart_y(&c, 0), x = c.left + (t + 0.5) * c.slot - c.bar / 2;
        for (size_t v = 0; v < nv; v++) {
            size_t n = s->count[t * nv + v];
            int dark;
            const char *label = cefo_result_variant(r, v), *fill = state_colour(label, v, &dark);
            double h = n * PLOT_H / c.ymax;
            if (!n)
                continue;
            y -= h;
            fputs("<rect class=\"state\" data-period=\"", fp);
            cefo__xml_text(fp, pid);
            fputs("\" data-state=\"", fp);
            cefo__xml_text(fp, label);
            fprintf(fp, "\" data-count=\"%zu\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
                        "fill=\"%s\" stroke=\"#fff\" stroke-width=\"0.5\"><title>",
                    n, x, y, c.bar, h, fill);
            cefo__xml_text(fp, pid);
            fputs(": ", fp);
            cefo__xml_text(fp, label);
            fprintf(fp, " %zu</title></rect>\n", n);
            snprintf(b, sizeof b, "%zu", n);
            if (h >= INSIDE && width_of(b) <= c.bar - 2)
                text_at(fp, "count", x + c.bar / 2, y + h / 2, "middle", dark ? "#fff" : "#111", b);
        }
    }
    for (size_t v = 0; v < nv; v++) { /* top to bottom as the bars stack */
        int dark;
        const char *label = cefo_result_variant(r, nv - 1 - v);
        legend_entry(fp, lx, c.top + 6 + v * ROW, state_colour(label, nv - 1 - v, &dark), 0,
                     label);
    }
    fputs("</svg>\n", fp);
}

static int has_cap(const cefo_result *r, size_t k)
{
    for (size_t t = 0; t < cefo_result_period_count(r); t++) {
        cefo_pollutant_result p;
        if (cefo_result_pollutant(cefo_result_period(r, t), k, &p) == CEFO_OK && isfinite(p.cap))
            return 1;
    }
    return 0;
}

static void attrs(FILE *fp, const char *pollutant, const char *period)
{
    fputs(" data-pollutant=\"", fp);
    cefo__xml_text(fp, pollutant);
    fputs("\" data-period=\"", fp);
    cefo__xml_text(fp, period);
    fputc('"', fp);
}

/* Emission bars, their amounts on or above them, and the cap as a step line. */
static void emission_marks(FILE *fp, const cefo_result *r, const chart *c, size_t k)
{
    double prev_cap = NAN, base = chart_y(c, 0);
    char b[32];
    for (size_t t = 0; t < c->nperiods; t++) {
        const char *pid = period_id(r, t);
        cefo_pollutant_result p;
        cefo_result_pollutant(cefo_result_period(r, t), k, &p);
        double e = fmax(p.emission, 0), y = chart_y(c, e), x0 = c->left + t * c->slot;
        double x = x0 + (c->slot - c->bar) / 2;
        fputs("<rect class=\"emission\"", fp);
        attrs(fp, p.id, pid);
        fprintf(fp, " data-amount=\"%s\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
                    "fill=\"#8c8c8c\"><title>",
                cefo__fmt_human(b, p.emission), x, y, c->bar, base - y);
        cefo__xml_text(fp, pid);
        fprintf(fp, ": %s emitted %s ", p.id, b);
        cefo__xml_text(fp, p.unit);
        fputs("</title></rect>\n", fp);
        if (base - y >= INSIDE + 1)
            text_at(fp, "amount", x + c->bar / 2, y + 9, "middle", "#fff", b);
        else
            text_at(fp, "amount", x + c->bar / 2, y - 9, "middle", "#222", b);
        if (!isfinite(p.cap)) {
            prev_cap = NAN;
            continue;
        }
        double yc = chart_y(c, p.cap);
        if (!isnan(prev_cap))
            fprintf(fp, "<line class=\"cap-step\" x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" "
                        "stroke=\"#b22222\" stroke-width=\"2\"/>\n",
                    x0, chart_y(c, prev_cap), x0, yc);
        fputs("<line class=\"cap\"", fp);
        attrs(fp, p.id, pid);
        fprintf(fp, " data-cap=\"%s\" x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" "
                    "stroke=\"#b22222\" stroke-width=\"2\"><title>",
                cefo__fmt_human(b, p.cap), x0, yc, x0 + c->slot, yc);
        cefo__xml_text(fp, pid);
        fprintf(fp, ": %s cap %s ", p.id, b);
        cefo__xml_text(fp, p.unit);
        fputs("</title></line>\n", fp);
        prev_cap = p.cap;
    }
}

static void emission_chart(FILE *fp, const cefo_result *r, size_t k)
{
    double vmax = 0, value_w = 0;
    char b[32], title[200];
    cefo_pollutant_result p = {0};
    for (size_t t = 0; t < cefo_result_period_count(r); t++) {
        cefo_result_pollutant(cefo_result_period(r, t), k, &p);
        vmax = fmax(vmax, p.emission);
        if (isfinite(p.cap))
            vmax = fmax(vmax, p.cap);
        widen(&value_w, cefo__fmt_human(b, p.emission));
    }
    chart c;
    axis_range(&c, vmax, 0);
    lay_out(&c, r, value_w);
    double lx = c.left + c.nperiods * c.slot + 20, legend_w = width_of("emission");
    snprintf(title, sizeof title, "%s (%s per year)", p.id, p.unit);
    svg_open(fp, "emissions", title, lx + 18 + legend_w + 10, svg_height(2));
    axes(fp, r, &c, title);
    emission_marks(fp, r, &c, k);
    legend_entry(fp, lx, c.top + 6, "#8c8c8c", 0, "emission");
    legend_entry(fp, lx, c.top + 6 + ROW, "#b22222", 1, "cap");
    fputs("</svg>\n", fp);
}

static void period_table(FILE *fp, const cefo_result *r, const states *s)
{
    const char *cur = cefo__currency(cefo_result_network(r));
    size_t nk = cefo_result_count(r, CEFO_POLLUTANT);
    char b[32];
    fputs("<table id=\"periods\"><tr><th>period</th><th>years</th><th>discount factor</th>"
          "<th>cost (", fp);
    cefo__xml_text(fp, cur);
    fputs(")</th><th>discounted (", fp);
    cefo__xml_text(fp, cur);
    fputs(")</th>", fp);
    for (size_t v = 0; v < s->nstates; v++) {
        fputs("<th>", fp);
        cefo__xml_text(fp, cefo_result_variant(r, v));
        fputs("</th>", fp);
    }
    for (size_t k = 0; k < nk; k++) {
        cefo_pollutant_result p;
        cefo_result_pollutant(r, k, &p);
        for (int cap = 0; cap < 2; cap++) {
            fputs("<th>", fp);
            cefo__xml_text(fp, p.id);
            fputs(cap ? " cap (" : " (", fp);
            cefo__xml_text(fp, p.unit);
            fputs(")</th>", fp);
        }
    }
    fputs("</tr>\n", fp);
    for (size_t t = 0; t < s->nperiods; t++) {
        cefo_period_info in;
        cefo_result_period_info(r, t, &in);
        fputs("<tr><td>", fp);
        cefo__xml_text(fp, in.id);
        fprintf(fp, "</td><td>%s</td>", cefo__fmt_human(b, in.years));
        fprintf(fp, "<td>%s</td>", cefo__fmt_human(b, in.discount));
        fprintf(fp, "<td>%s</td>", cefo__fmt_human(b, in.objective));
        fprintf(fp, "<td>%s</td>", cefo__fmt_human(b, in.discounted));
        for (size_t v = 0; v < s->nstates; v++)
            fprintf(fp, "<td>%zu</td>", s->count[t * s->nstates + v]);
        for (size_t k = 0; k < nk; k++) {
            cefo_pollutant_result p;
            cefo_result_pollutant(cefo_result_period(r, t), k, &p);
            fprintf(fp, "<td>%s</td>", cefo__fmt_human(b, p.emission));
            fprintf(fp, "<td>%s</td>", cefo__fmt_human(b, p.cap));
        }
        fputs("</tr>\n", fp);
    }
    fputs("</table>\n", fp);
}

void cefo__html_trajectory(FILE *fp, const cefo_result *r)
{
    if (!cefo_result_period_count(r) || isnan(cefo_result_objective(r)))
        return;
    char b[32];
    const char *cur = cefo__currency(cefo_result_network(r));
    fputs("<h2>The programme, period by period</h2>\n<p>Each period's own cost (its running "
          "costs per year, plus the investments it pays) and its share of the discounted total ",
          fp);
    fprintf(fp, "(%s ", cefo__fmt_human(b, cefo_result_objective(r)));
    cefo__xml_text(fp, cur);
    fputs("); firms by state; emissions and caps per year of each period.</p>\n", fp);
    states s = {0};
    if (count_states(r, &s) != 0) {
        cefo__write_nomem();
        fputs("<p>Not drawn: out of memory.</p>\n", fp);
        return;
    }
    period_table(fp, r, &s);
    if (cefo_result_count(r, CEFO_GROUP)) {
        fputs("<h3>Firms by state</h3>\n<div>", fp);
        states_chart(fp, r, &s);
        fputs("</div>\n", fp);
    }
    for (size_t k = 0; k < cefo_result_count(r, CEFO_POLLUTANT); k++) {
        if (!has_cap(r, k))
            continue;
        cefo_pollutant_result p;
        cefo_result_pollutant(r, k, &p);
        fputs("<h3>", fp);
        cefo__xml_text(fp, p.id);
        fputs(" emitted against its cap</h3>\n<div>", fp);
        emission_chart(fp, r, k);
        fputs("</div>\n", fp);
    }
    cefo__free(s.count);
}
