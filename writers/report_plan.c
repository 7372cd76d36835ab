/* report_plan.c - the plan itself in the HTML report: activities, link flows, materials, the
 * largest emitters by firm and sector, the footprint of each final product; every number
 * with its unit (materials' and pollutants' units, the network's currency). Reads the result
 * and the network through the public API. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "writers/fmt.h"
#include "writers/report.h"

#define TOP 10 /* emitters listed per pollutant */

static void td(FILE *fp, const char *s)
{
    fputs("<td>", fp);
    cefo__xml_text(fp, s);
    fputs("</td>", fp);
}

/* A number and its unit in one cell ("-" alone where the number does not exist). */
static void td_unit(FILE *fp, double v, const char *unit, const char *per)
{
    char b[32];
    fprintf(fp, "<td>%s", cefo__fmt_human(b, v));
    if (!isnan(v) && !isinf(v) && unit && *unit) {
        fputc(' ', fp);
        cefo__xml_text(fp, unit);
        if (per) {
            fputc('/', fp);
            cefo__xml_text(fp, per);
        }
    }
    fputs("</td>", fp);
}

static void th_row(FILE *fp, const char *const *heads, size_t n)
{
    fputs("<tr>", fp);
    for (size_t i = 0; i < n; i++)
        fprintf(fp, "<th>%s</th>", heads[i]);
    fputs("</tr>\n", fp);
}

const char *cefo__process_label(const cefo_network *net, size_t p)
{
    const char *name = cefo_network_label(net, CEFO_PROCESS, p, "name");
    return name && *name ? name : cefo_network_id(net, CEFO_PROCESS, p);
}

static void activities(FILE *fp, const cefo_result *r)
{
    const cefo_network *net = cefo_result_network(r);
    static const char *const heads[] = {"firm or plant", "id", "sector", "zone", "kind",
                                        "activity", "capacity", "cost", "labour"};
    fputs("<h2>Activities</h2>\n<table id=\"activities\">", fp);
    th_row(fp, heads, 9);
    for (size_t p = 0; p < cefo_network_count(net, CEFO_PROCESS); p++) {
        cefo_process_info pi;
        cefo_process_result pr;
        char b[32];
        cefo_network_process(net, p, &pi);
        cefo_result_process(r, p, &pr);
        fputs("<tr>", fp);
        td(fp, cefo__process_label(net, p));
        td(fp, pi.id);
        td(fp, pi.sector ? pi.sector : "");
        td(fp, pi.zone ? pi.zone : "");
        td(fp, pi.kind);
        fprintf(fp, "<td>%s</td>", cefo__fmt_human(b, pr.activity));
        fprintf(fp, "<td>%s</td>", cefo__fmt_human(b, pi.capacity));
        td_unit(fp, pi.cost * pr.activity, cefo__currency(net), NULL);
        fprintf(fp, "<td>%s</td></tr>\n", cefo__fmt_human(b, pi.labour * pr.activity));
    }
    fputs("</table>\n", fp);
}

static void links(FILE *fp, const cefo_result *r)
{
    const cefo_network *net = cefo_result_network(r);
    static const char *const heads[] = {"from", "to", "material", "flow", "distance", "cost"};
    size_t nl = cefo_network_count(net, CEFO_LINK);
    if (!nl)
        return;
    fputs("<h2>Link flows</h2>\n<table id=\"links\">", fp);
    th_row(fp, heads, 6);
    for (size_t l = 0; l < nl; l++) {
        cefo_link_info ln;
        cefo_link_result lr;
        cefo_material_info m;
        char b[32];
        cefo_network_link(net, l, &ln);
        cefo_result_link(r, l, &lr);
        cefo_network_material(net, ln.material, &m);
        fputs("<tr>", fp);
        td(fp, cefo__process_label(net, ln.from));
        td(fp, cefo__process_label(net, ln.to));
        td(fp, m.id);
        td_unit(fp, lr.flow, m.unit, NULL);
        fprintf(fp, "<td>%s</td>", isnan(ln.distance) ? "" : cefo__fmt_human(b, ln.distance));
        td_unit(fp, ln.cost * lr.flow, cefo__currency(net), NULL);
        fputs("</tr>\n", fp);
    }
    fputs("</table>\n", fp);
}

static void materials(FILE *fp, const cefo_result *r)
{
    const char *cur = cefo__currency(cefo_result_network(r));
    static const char *const heads[] = {"material", "kind", "import", "export", "discharge",
                                        "demand", "shadow price"};
    fputs("<h2>Materials</h2>\n<p>A material's shadow price is what one more unit of its demand "
          "would cost the cluster.</p>\n<table id=\"materials\">",
          fp);
    th_row(fp, heads, 7);
    for (size_t m = 0; m < cefo_result_count(r, CEFO_MATERIAL); m++) {
        cefo_material_result mat;
        cefo_result_material(r, m, &mat);
        fputs("<tr>", fp);
        td(fp, mat.id);
        td(fp, mat.kind);
        td_unit(fp, mat.import, mat.unit, NULL);
        td_unit(fp, mat.export, mat.unit, NULL);
        td_unit(fp, mat.discharge, mat.unit, NULL);
        td_unit(fp, mat.demand, mat.unit, NULL);
        td_unit(fp, mat.shadow_price, cur, mat.unit);
        fputs("</tr>\n", fp);
    }
    fputs("</table>\n", fp);
}

void cefo__html_plan(FILE *fp, const cefo_result *r)
{
    activities(fp, r);
    links(fp, r);
    materials(fp, r);
}

/* An emitter: process p (src < nprocesses) or the discharges of material src - nprocesses. */
typedef struct emitter {
    size_t src;
    double amount;
} emitter;

/* Keeps the TOP largest in `top` (sorted, largest first; ties keep the first met). */
static void keep_top(emitter *top, size_t *n, size_t src, double amount)
{
    if (!(amount > 0) || (*n == TOP && amount <= top[TOP - 1].amount))
        return;
    size_t i = *n < TOP ? (*n)++ : TOP - 1;
    for (; i > 0 && top[i - 1].amount < amount; i--)
        top[i] = top[i - 1];
    top[i] = (emitter){src, amount};
}

static void share(FILE *fp, double v, double total)
{
    fprintf(fp, "<td>%.1f%%</td></tr>\n", total > 0 ? 100 * v / total : 0.0);
}

/* What the discharges of material m emit of pollutant k (its emission per unit discharged). */
static double discharge_emission(const cefo_result *r, size_t m, size_t k)
{
    const cefo_network *net = cefo_result_network(r);
    size_t n = cefo_network_term_count(net, CEFO_MATERIAL, m, CEFO_EMISSION);
    double amount = 0.0;
    for (size_t i = 0; i < n; i++) {
        cefo_term_info t;
        if (cefo_network_term(net, CEFO_MATERIAL, m, CEFO_EMISSION, i, &t) == CEFO_OK
            && t.item == k) {
            amount = t.amount;
            break;
        }
    }
    cefo_material_result mat;
    cefo_result_material(r, m, &mat);
    return mat.discharge * amount;
}

static void emitters_of(FILE *fp, const cefo_result *r, size_t k)
{
    const cefo_network *net = cefo_result_network(r);
    size_t np = cefo_network_count(net, CEFO_PROCESS);
    cefo_pollutant_result pl;
    cefo_result_pollutant(r, k, &pl);
    const char *unit = pl.unit;
    emitter top[TOP];
    size_t n = 0;
    for (size_t p = 0; p < np; p++)
        keep_top(top, &n, p, cefo_result_process_emission(r, p, k));
    for (size_t m = 0; m < cefo_network_count(net, CEFO_MATERIAL); m++)
        keep_top(top, &n, np + m, discharge_emission(r, m, k));
    char b[32];
    fputs("<h3>", fp);
    cefo__xml_text(fp, pl.id);
    fprintf(fp, " (%s ", cefo__fmt_human(b, pl.emission));
    cefo__xml_text(fp, unit);
    fputs(")</h3>\n<table class=\"emitters\"><tr><th>firm or plant</th><th>sector</th>"
          "<th>zone</th><th>emission</th><th>share</th></tr>\n", fp);
    for (size_t i = 0; i < n; i++) {
        fputs("<tr>", fp);
        if (top[i].src < np) {
            const char *sector = cefo_network_label(net, CEFO_PROCESS, top[i].src, "sector");
            const char *zone = cefo_network_label(net, CEFO_PROCESS, top[i].src, "zone");
            td(fp, cefo__process_label(net, top[i].src));
            td(fp, sector ? sector : "");
            td(fp, zone ? zone : "");
        } else {
            fputs("<td>discharged ", fp);
            cefo__xml_text(fp, cefo_network_id(net, CEFO_MATERIAL, top[i].src - np));
            fputs("</td><td></td><td></td>", fp);
        }
        td_unit(fp, top[i].amount, unit, NULL);
        share(fp, top[i].amount, pl.emission);
    }
    fputs("</table>\n", fp);
    size_t nsec = cefo_result_area_count(r, CEFO_SECTOR);
    n = 0;
    for (size_t s = 0; s < nsec; s++)
        keep_top(top, &n, s, cefo_result_area_emission(r, CEFO_SECTOR, s, k));
    if (!n)
        return;
    fputs("<table class=\"emitters\"><tr><th>sector</th><th>emission</th><th>share</th></tr>\n",
          fp);
    for (size_t i = 0; i < n; i++) {
        cefo_area_result a;
        cefo_result_area(r, CEFO_SECTOR, top[i].src, &a);
        fputs("<tr>", fp);
        td(fp, a.id);
        td_unit(fp, top[i].amount, unit, NULL);
        share(fp, top[i].amount, pl.emission);
    }
    fputs("</table>\n", fp);
}

void cefo__html_emitters(FILE *fp, const cefo_result *r)
{
    size_t nk = cefo_result_count(r, CEFO_POLLUTANT);
    if (!nk)
        return;
    fprintf(fp, "<h2>Largest emitters</h2>\n<p>Per pollutant, the %d largest sources (firms, "
                "plants and untreated discharges), then the sectors.</p>\n",
            TOP);
    for (size_t k = 0; k < nk; k++)
        emitters_of(fp, r, k);
}

/* The unit of the virgin import: the imported materials' unit when they all share one, else
 * "" (virgin import adds them as their units are written). NULL when nothing is imported. */
static const char *import_unit(const cefo_result *r)
{
    const char *unit = NULL;
    for (size_t m = 0; m < cefo_result_count(r, CEFO_MATERIAL); m++) {
        cefo_material_result mat;
        cefo_result_material(r, m, &mat);
        if (mat.import > 0)
            unit = !unit || !strcmp(unit, mat.unit) ? mat.unit : "";
    }
    return unit;
}

void cefo__html_footprints(FILE *fp, const cefo_result *r)
{
    size_t nk = cefo_result_count(r, CEFO_POLLUTANT);
    cefo_footprint *f = NULL;
    cefo_error err = {0};
    fputs("<h2>Footprints of the final products</h2>\n", fp);
    cefo_status st = cefo_footprint_compute(&f, r, CEFO_ALLOCATION_MARKET, &err);
    if (st != CEFO_OK) { /* a plan they cannot be computed for, or BLAS missing: said */
        if (st == CEFO_ERR_NOMEM)
            cefo__write_nomem();
        fputs("<p>Not computed: ", fp);
        cefo__xml_text(fp, err.message);
        fputs("</p>\n", fp);
        return;
    }
    const char *virgin_unit = import_unit(r);
    fputs("<p>What each product carries along its whole chain in the cluster, waste treatment "
          "included (co-products by market value; imported materials enter and exported ones "
          "leave the cluster: their chains outside are not counted; docs/footprint.md).</p>\n"
          "<table id=\"footprints\"><tr><th>product</th><th>demand</th><th>export</th>",
          fp);
    for (size_t k = 0; k < nk; k++) {
        cefo_pollutant_result pl;
        cefo_result_pollutant(r, k, &pl);
        for (int h = 0; h < 2; h++) {
            fputs("<th>", fp);
            cefo__xml_text(fp, pl.id);
            fputs(h ? " footprint</th>" : " per unit</th>", fp);
        }
    }
    fputs("<th>virgin import per unit</th><th>labour per unit</th></tr>\n", fp);
    for (size_t i = 0; i < cefo_footprint_count(f); i++) {
        cefo_footprint_row row;
        char b[32];
        cefo_footprint_product(f, i, &row);
        fputs("<tr>", fp);
        td(fp, row.id);
        td_unit(fp, row.demand, row.unit, NULL);
        td_unit(fp, row.export, row.unit, NULL);
        for (size_t k = 0; k < nk; k++) {
            cefo_pollutant_result pl;
            cefo_result_pollutant(r, k, &pl);
            td_unit(fp, row.intensity[k], pl.unit, row.unit);
            td_unit(fp, row.footprint[k], pl.unit, NULL);
        }
        td_unit(fp, row.virgin_import_intensity, virgin_unit, row.unit);
        fprintf(fp, "<td>%s</td></tr>\n", cefo__fmt_human(b, row.labour_intensity));
    }
    fputs("</table>\n", fp);
    cefo_footprint_free(f);
}
