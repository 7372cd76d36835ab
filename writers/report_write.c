/* report_write.c - one self-contained HTML page a planner can show: plan, costs, emissions,
 * indicators, decisions, diagnosis, the Sankey diagram, and what-if runs side by side. Reads
 * the results and their networks through the public API. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "writers/breakdown.h"
#include "writers/fmt.h"
#include "writers/report.h"

typedef struct report {
    const cefo_result *const *r;
    const char *const *labels;
    size_t n;
} report;

static const char style[] =
    "body{font-family:sans-serif;margin:2em auto;max-width:1180px;color:#222}"
    "h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}"
    "table{border-collapse:collapse;margin:.5em 0}td,th{padding:.25em .8em;text-align:right;"
    "border-bottom:1px solid #eee}th:first-child,td:first-child{text-align:left}"
    ".status{font-weight:bold}.bind{color:#b22222}.legend span{display:inline-block;"
    "margin-right:1.2em}.legend i{display:inline-block;width:1.6em;height:.6em;margin-right:.3em;"
    "vertical-align:middle}.figure{width:96vw;position:relative;left:50%;margin-left:-48vw;"
    "overflow-x:auto;text-align:center}";


static void cell(FILE *fp, double v)
{
    char b[32];
    fprintf(fp, "<td>%s</td>", cefo__fmt_human(b, v));
}

/* A price per unit of `unit` in the network's currency: "-39.97 kCNY/t" ("-" alone when none). */
static void price_cell(FILE *fp, double v, const cefo_result *r, const char *unit)
{
    char b[32];
    fprintf(fp, "<td>%s", cefo__fmt_human(b, v));
    if (isfinite(v)) {
        fputc(' ', fp);
        cefo__xml_text(fp, cefo__currency(cefo_result_network(r)));
        fputc('/', fp);
        cefo__xml_text(fp, unit);
    }
    fputs("</td>", fp);
}

static void row(FILE *fp, const char *name, const double *v, size_t n)
{
    fputs("<tr><td>", fp);
    cefo__xml_text(fp, name);
    fputs("</td>", fp);
    for (size_t i = 0; i < n; i++)
        cell(fp, v[i]);
    fputs("</tr>\n", fp);
}

static void costs_table(const cefo_result *r, FILE *fp)
{
    fputs("<h2>Costs</h2>\n<table><tr><th>term</th><th>", fp);
    cefo__xml_text(fp, cefo__currency(cefo_result_network(r)));
    fputs("</th></tr>\n", fp);
    for (size_t i = 0; i < cefo_result_cost_count(r); i++) {
        cefo_cost_term t;
        cefo_result_cost_term(r, i, &t);
        row(fp, t.label, &t.value, 1);
    }
    fputs("</table>\n", fp);
}

static void resources_table(const cefo_result *r, FILE *fp)
{
    size_t n = cefo_result_count(r, CEFO_RESOURCE);
    if (!n)
        return;
    fputs("<h2>Resources: quotas, land, funds, jobs</h2>\n<table><tr><th>resource</th>"
          "<th>unit</th><th>use</th><th>min</th><th>max</th><th>price</th>"
          "<th>shadow price</th></tr>\n", fp);
    for (size_t i = 0; i < n; i++) {
        cefo_resource_result rs;
        cefo_result_resource(r, i, &rs);
        double lo = rs.min, hi = rs.max, u = rs.use;
        int binds = (!isinf(hi) && u >= hi - 1e-9 * (1 + fabs(hi)))
                    || (!isinf(lo) && u <= lo + 1e-9 * (1 + fabs(lo)));
        fprintf(fp, "<tr%s><td>", binds ? " class=\"bind\"" : "");
        cefo__xml_text(fp, rs.name ? rs.name : rs.id);
        fputs("</td><td>", fp);
        cefo__xml_text(fp, rs.unit);
        fputs("</td>", fp);
        const double v[] = {u, lo, hi};
        for (int k = 0; k < 3; k++)
            cell(fp, v[k]);
        price_cell(fp, rs.price, r, rs.unit);
        price_cell(fp, rs.shadow_price, r, rs.unit);
        fputs("</tr>\n", fp);
    }
    fputs("</table>\n", fp);
}

static void emissions_table(const cefo_result *r, FILE *fp)
{
    size_t n = cefo_result_count(r, CEFO_POLLUTANT);
    if (!n)
        return;
    fputs("<h2>Emissions against caps</h2>\n<table><tr><th>pollutant</th><th>unit</th>"
          "<th>emission</th><th>cap</th><th>shadow price</th></tr>\n", fp);
    for (size_t k = 0; k < n; k++) {
        cefo_pollutant_result p;
        cefo_result_pollutant(r, k, &p);
        int binds = !isinf(p.cap) && p.emission >= p.cap - 1e-9 * (1 + p.cap);
        fprintf(fp, "<tr%s><td>", binds ? " class=\"bind\"" : "");
        cefo__xml_text(fp, p.id);
        fputs("</td><td>", fp);
        cefo__xml_text(fp, p.unit);
        fputs("</td>", fp);
        cell(fp, p.emission);
        cell(fp, p.cap);
        price_cell(fp, p.shadow_price, r, p.unit);
        fputs("</tr>\n", fp);
    }
    fputs("</table>\n", fp);
}

/* Amounts by unit (never added across units), the reuse rate within each unit. */
static void indicators_table(const cefo_result *r, FILE *fp)
{
    char u[CEFO__UNIT_MAX];
    cefo__ind_iter it = {0};
    cefo_indicator_row ind;
    fputs("<h2>Indicators</h2>\n<p>By unit: g, kg, kt and Mt counted in t, L and ML in m3; "
          "amounts in different units are never added.</p>\n<table><tr><th>indicator</th>"
          "<th>value</th><th>unit</th></tr>\n", fp);
    while (cefo__indicator_next(r, &it, &ind)) {
        fputs("<tr><td>", fp);
        cefo__xml_text(fp, ind.label);
        fputs("</td>", fp);
        cell(fp, ind.value);
        fputs("<td>", fp);
        cefo__xml_text(fp, cefo__indicator_unit(u, &ind));
        fputs("</td></tr>\n", fp);
    }
    fputs("</table>\n", fp);
}

static void decisions_and_diagnosis(const cefo_result *r, FILE *fp)
{
    size_t ng = cefo_result_count(r, CEFO_GROUP), nd = cefo_result_diagnosis_count(r);
    if (ng) {
        fputs("<h2>Keep, rectify, relocate or close</h2>\n<table><tr><th>firm</th><th>chosen"
              "</th><th>variant</th><th>fixed cost (", fp);
        cefo__xml_text(fp, cefo__currency(cefo_result_network(r)));
        fputs(")</th></tr>\n", fp);
        for (size_t g = 0; g < ng; g++) {
            cefo_group_result row_;
            cefo_result_group(r, g, &row_);
            fputs("<tr><td>", fp);
            cefo__xml_text(fp, row_.id);
            fputs("</td><td>", fp);
            cefo__xml_text(fp, row_.chosen ? row_.chosen : "(closed)");
            fputs("</td><td>", fp);
            cefo__xml_text(fp, row_.variant ? row_.variant : "");
            fputs("</td>", fp);
            cell(fp, row_.fixed_cost);
            fputs("</tr>\n", fp);
        }
        fputs("</table>\n", fp);
    }
    if (nd) {
        fputs("<h2>Why there is no plan</h2>\n<p>The least change that would make one:</p><ul>\n",
              fp);
        for (size_t i = 0; i < nd; i++) {
            cefo_diagnosis_item d;
            cefo_result_diagnosis(r, i, &d);
            fputs("<li>", fp);
            cefo__xml_text(fp, d.message);
            fputs("</li>\n", fp);
        }
        fputs("</ul>\n", fp);
    }
}

/* One comparison row: the value `pick` takes from each run (NAN where it has none). */
typedef double (*picker)(const cefo_result *r, const void *arg);

static void compare_row(const report *rp, FILE *fp, const char *name, picker pick,
                        const void *arg)
{
    fputs("<tr><td>", fp);
    cefo__xml_text(fp, name);
    fputs("</td>", fp);
    for (size_t k = 0; k < rp->n; k++)
        cell(fp, pick(rp->r[k], arg));
    fputs("</tr>\n", fp);
}

static double pick_objective(const cefo_result *r, const void *arg)
{
    (void)arg;
    return cefo_result_objective(r);
}

static double pick_emission(const cefo_result *r, const void *arg)
{
    size_t j;
    cefo_pollutant_result p;
    return cefo_network_find(cefo_result_network(r), CEFO_POLLUTANT, arg, &j) == CEFO_OK
                   && cefo_result_pollutant(r, j, &p) == CEFO_OK
               ? p.emission
               : NAN;
}

static void comparison(const report *rp, FILE *fp)
{
    if (rp->n < 2)
        return;
    fputs("<h2>What-if scenarios</h2>\n<table><tr><th></th>", fp);
    for (size_t k = 0; k < rp->n; k++) {
        const char *name = cefo_network_scenario_name(cefo_result_network(rp->r[k]));
        fputs("<th>", fp);
        cefo__xml_text(fp, rp->labels[k]);
        if (name && strcmp(name, rp->labels[k]) != 0) {
            fputs("<br><small>", fp);
            cefo__xml_text(fp, name);
            fputs("</small>", fp);
        }
        fputs("</th>", fp);
    }
    fputs("</tr>\n<tr><td>status</td>", fp);
    for (size_t k = 0; k < rp->n; k++)
        fprintf(fp, "<td>%s</td>", cefo_solve_status_words(cefo_result_status(rp->r[k])));
    fputs("</tr>\n", fp);
    char total[96];
    snprintf(total, sizeof total, "total cost (%.80s)",
             cefo__currency(cefo_result_network(rp->r[0])));
    compare_row(rp, fp, total, pick_objective, NULL);
    for (size_t k = 0; k < cefo_result_count(rp->r[0], CEFO_POLLUTANT); k++) {
        cefo_pollutant_result p;
        char name[160];
        cefo_result_pollutant(rp->r[0], k, &p);
        snprintf(name, sizeof name, "%s emission (%s)", p.id, p.unit);
        compare_row(rp, fp, name, pick_emission, p.id);
    }
    cefo__ind_iter it = {0};
    cefo_indicator_row ind;
    while (cefo__indicator_next(rp->r[0], &it, &ind)) {
        char name[CEFO__UNIT_MAX];
        fputs("<tr><td>", fp);
        cefo__xml_text(fp, cefo__indicator_name(name, &ind, 0));
        fputs("</td>", fp);
        for (size_t k = 0; k < rp->n; k++)
            cell(fp, cefo__indicator_shown(rp->r[k], ind.key, ind.unit));
        fputs("</tr>\n", fp);
    }
    fputs("</table>\n", fp);
}

static void write_report(const void *ctx, FILE *fp)
{
    const report *rp = ctx;
    const cefo_result *r = rp->r[0];
    const cefo_network *net = cefo_result_network(r);
    double objective = cefo_result_objective(r);
    char b[32];
    const char *name = cefo_network_name(net) ? cefo_network_name(net) : cefo_network_file(net);
    fprintf(fp, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                "<title>cefo plan: ");
    cefo__xml_text(fp, name);
    fprintf(fp, "</title><style>%s</style></head>\n<body>\n<h1>", style);
    if (!cefo_network_name(net))
        fputs("Plan for ", fp);
    cefo__xml_text(fp, name);
    fputs("</h1>\n", fp);
    cefo__html_source(fp, net, cefo_network_name(net) != NULL);
    fprintf(fp, "<p>Status: <span class=\"status\">%s</span>",
            cefo_solve_status_words(cefo_result_status(r)));
    if (!isnan(objective)) {
        fprintf(fp, " &mdash; total cost %s ", cefo__fmt_human(b, objective));
        cefo__xml_text(fp, cefo__currency(net));
    }
    fputs("</p>\n", fp);
    cefo__html_trajectory(fp, r);
    fputs("<h2>Material flows</h2>\n<p class=\"legend\"><span><i style=\"background:#2f63b0\">"
          "</i>product chain</span><span><i style=\"background:#a0522d\"></i>waste chain</span>"
          "<span><i style=\"background:#9db8e0\"></i>pooled product</span><span><i style=\""
          "background:#d9a67e\"></i>pooled waste</span><span><i style=\"background:#86b886\">"
          "</i>resource</span><span><i style=\"background:#6e6e6e\"></i>emission</span> (hover for "
          "every amount)</p>\n<div class=\"figure\">",
          fp);
    cefo__svg_sankey(r, fp);
    fputs("</div>\n", fp);
    if (!isnan(objective)) {
        costs_table(r, fp);
        emissions_table(r, fp);
        resources_table(r, fp);
        indicators_table(r, fp);
        cefo__html_areas(fp, r);
        cefo__html_emitters(fp, r);
        cefo__html_plan(fp, r);
        cefo__html_footprints(fp, r);
    }
    decisions_and_diagnosis(r, fp);
    comparison(rp, fp);
    fprintf(fp, "<p><small>cefo %s</small></p>\n</body></html>\n", cefo_version());
}

static cefo_status check(const cefo_result *const *results, const char *const *labels,
                         size_t n, const char *path, cefo_error *err)
{
    if (!results || !labels || n == 0)
        return cefo__error(err, CEFO_ERR_ARG, path, 0, NULL, "nothing to report");
    for (size_t k = 0; k < n; k++)
        if (!results[k] || !labels[k])
            return cefo__error(err, CEFO_ERR_ARG, path, 0, NULL, "result %zu is missing", k);
    return CEFO_OK;
}

cefo_status cefo_report_write(const cefo_result *const *results, const char *const *labels,
                              size_t n, FILE *fp, cefo_error *err)
{
    cefo_status st = fp ? check(results, labels, n, NULL, err)
                        : cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "no stream");
    report rp = {results, labels, n};
    return st == CEFO_OK ? cefo__write_stream(write_report, &rp, fp, err) : st;
}

cefo_status cefo_report_write_file(const cefo_result *const *results, const char *const *labels,
                                   size_t n, const char *path, cefo_error *err)
{
    cefo_status st = path && *path ? check(results, labels, n, path, err)
                                   : cefo__error(err, CEFO_ERR_ARG, path, 0, NULL, "no path");
    report rp = {results, labels, n};
    return st == CEFO_OK ? cefo__write_atomic(write_report, &rp, path, err) : st;
}
