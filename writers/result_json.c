/* result_json.c - a solved plan as JSON for tools (docs/results.md): one object with its source,
 * status, costs, every process, link, material, pollutant and resource, areas, indicators,
 * decisions, diagnosis and periods. */
#include <math.h>
#include <stdio.h>

#include "writers/breakdown.h"
#include "writers/fmt.h"
#include "writers/plan.h"

/* A 0/1 decision as JSON: true, false, or null when the item is no decision or no plan. */
static void json_chosen(FILE *fp, int chosen)
{
    fputs(chosen < 0 ? "null" : chosen ? "true" : "false", fp);
}

static void json_decisions(const cefo_result *r, FILE *fp)
{
    size_t ng = cefo_result_count(r, CEFO_GROUP), nd = cefo_result_diagnosis_count(r);
    int plan = !isnan(cefo_result_objective(r));
    fputs(",\n  \"groups\": [", fp);
    for (size_t g = 0; g < ng; g++) {
        cefo_group_result row;
        cefo_result_group(r, g, &row);
        fprintf(fp, "%s\n    {\"id\": ", g ? "," : "");
        cefo__json_str(fp, row.id);
        fputs(", \"chosen\": ", fp);
        cefo__json_str_or_null(fp, row.chosen);
        fputs(", \"variant\": ", fp);
        cefo__json_str_or_null(fp, row.chosen ? (row.variant ? row.variant : row.chosen)
                                              : plan ? "closed" : NULL);
        fputs(", ", fp);
        cefo__json_num(fp, "fixed_cost", row.fixed_cost, cefo_result_period_count(r) == 0);
        cefo__json_trajectory(fp, r, g);
        fputc('}', fp);
    }
    fprintf(fp, "%s],\n  \"diagnosis\": ", ng ? "\n  " : "");
    if (cefo_result_status(r) != CEFO_SOLVE_INFEASIBLE || !nd)
        fputs("null", fp);
    for (size_t i = 0; i < nd; i++) {
        cefo_diagnosis_item d;
        cefo_result_diagnosis(r, i, &d);
        fprintf(fp, "%s\n    {\"kind\": \"%s\", \"id\": ", i ? "," : "[", d.kind);
        cefo__json_str(fp, d.id);
        fputs(", ", fp);
        cefo__json_num(fp, "amount", d.amount, 0);
        fputs("\"unit\": ", fp);
        cefo__json_str(fp, d.unit);
        fputs(", \"message\": ", fp);
        cefo__json_str(fp, d.message);
        fputc('}', fp);
    }
    fputs(nd ? "\n  ]" : "", fp);
    fputs(",\n  \"mip\": ", fp);
    if (!cefo__plan_is_mip(r)) {
        fputs("null", fp);
        return;
    }
    fputc('{', fp);
    cefo__json_num(fp, "gap", cefo_result_gap(r), 0);
    fputs("\"shadow_prices\": \"from the LP with every decision fixed\"}", fp);
}

/* Item i of a list: `{"id": ID, "unit": UNIT, ` (with `"kind": KIND, ` unless NULL), then the
 * n numbers under their keys (a missing or infinite one as null). */
static void json_item(FILE *fp, size_t i, const char *id, const char *unit, const char *kind,
                      const char *const *keys, const double *v, int n)
{
    fprintf(fp, "%s\n    {\"id\": ", i ? "," : "");
    cefo__json_str(fp, id);
    fputs(", \"unit\": ", fp);
    cefo__json_str(fp, unit);
    if (kind)
        fprintf(fp, ", \"kind\": \"%s\"", kind);
    fputs(", ", fp);
    for (int k = 0; k < n; k++)
        cefo__json_num(fp, keys[k], v[k], k + 1 == n);
    fputc('}', fp);
}

/* "resources": [...], only when the network has resources (older outputs stay as they were). */
static void json_resources(const cefo_result *r, FILE *fp)
{
    static const char *const keys[] = {"use", "min", "max", "price", "shadow_price"};
    size_t n = cefo_result_count(r, CEFO_RESOURCE);
    if (!n)
        return;
    fputs(",\n  \"resources\": [", fp);
    for (size_t i = 0; i < n; i++) {
        cefo_resource_result row;
        cefo_result_resource(r, i, &row);
        const double v[] = {row.use, row.min, row.max, row.price, row.shadow_price};
        json_item(fp, i, row.id, row.unit, NULL, keys, v, 5);
    }
    fputs("\n  ]", fp);
}

static void json_processes(const cefo_result *r, FILE *fp)
{
    const cefo_network *net = cefo_result_network(r);
    size_t n = cefo_result_count(r, CEFO_PROCESS);
    fprintf(fp, ",\n  \"processes\": [");
    for (size_t i = 0; i < n; i++) {
        cefo_process_result row;
        cefo_process_info p;
        cefo_result_process(r, i, &row);
        cefo_network_process(net, i, &p);
        fprintf(fp, "%s\n    {\"id\": ", i ? "," : "");
        cefo__json_str(fp, row.id);
        fprintf(fp, ", \"kind\": \"%s\", ", row.kind);
        cefo__json_labels(fp, &p);
        cefo__json_num(fp, "activity", row.activity, 0);
        cefo__json_num(fp, "capacity", isinf(row.capacity) ? NAN : row.capacity, 0);
        cefo__json_num(fp, "capacity_shadow_price", row.capacity_shadow_price, 0);
        fputs("\"chosen\": ", fp);
        json_chosen(fp, row.chosen);
        cefo__json_process_figures(fp, r, i);
        fputc('}', fp);
    }
    fprintf(fp, "%s]", n ? "\n  " : "");
}

static void json_links(const cefo_result *r, FILE *fp)
{
    const cefo_network *net = cefo_result_network(r);
    size_t n = cefo_result_count(r, CEFO_LINK);
    fprintf(fp, ",\n  \"links\": [");
    for (size_t i = 0; i < n; i++) {
        cefo_link_result row;
        cefo_link_info l;
        cefo_result_link(r, i, &row);
        cefo_network_link(net, i, &l);
        fprintf(fp, "%s\n    {\"from\": ", i ? "," : "");
        cefo__json_str(fp, row.from);
        fputs(", \"to\": ", fp);
        cefo__json_str(fp, row.to);
        fputs(", \"material\": ", fp);
        cefo__json_str(fp, row.material);
        fputs(", ", fp);
        cefo__json_num(fp, "flow", row.flow, 0);
        cefo__json_num(fp, "capacity", isinf(row.capacity) ? NAN : row.capacity, 0);
        cefo__json_num(fp, "distance", l.distance, 0);
        fputs("\"chosen\": ", fp);
        json_chosen(fp, row.chosen);
        fputc('}', fp);
    }
    fprintf(fp, "%s]", n ? "\n  " : "");
}

static void json_materials(const cefo_result *r, FILE *fp)
{
    static const char *const keys[] = {"import", "export", "discharge", "demand", "shadow_price"};
    size_t n = cefo_result_count(r, CEFO_MATERIAL);
    fprintf(fp, ",\n  \"materials\": [");
    for (size_t i = 0; i < n; i++) {
        cefo_material_result m;
        cefo_result_material(r, i, &m);
        const double v[] = {m.import, m.export, m.discharge, m.demand, m.shadow_price};
        json_item(fp, i, m.id, m.unit, m.kind, keys, v, 5);
    }
    fprintf(fp, "%s]", n ? "\n  " : "");
}

static void json_pollutants(const cefo_result *r, FILE *fp)
{
    static const char *const keys[] = {"emission", "cap", "damage_cost", "shadow_price"};
    size_t n = cefo_result_count(r, CEFO_POLLUTANT);
    fprintf(fp, ",\n  \"pollutants\": [");
    for (size_t i = 0; i < n; i++) {
        cefo_pollutant_result k;
        cefo_result_pollutant(r, i, &k);
        const double v[] = {k.emission, k.cap, k.damage_cost, k.shadow_price};
        json_item(fp, i, k.id, k.unit, NULL, keys, v, 4);
    }
    fprintf(fp, "%s]", n ? "\n  " : "");
}

void cefo__json_plan(const cefo_result *r, FILE *fp, const cefo_period_info *period)
{
    const cefo_network *net = cefo_result_network(r);
    fputs("{\n  ", fp);
    if (period)
        cefo__json_period_head(fp, period);
    else
        cefo__json_source(fp, net);
    fprintf(fp, "\"status\": \"%s\",\n  ", cefo_solve_status_name(cefo_result_status(r)));
    cefo__json_num(fp, "objective", cefo_result_objective(r), 1);
    fprintf(fp, ",\n  \"currency\": ");
    cefo__json_str_or_null(fp, cefo_network_currency(net));
    fprintf(fp, ",\n  \"costs\": ");
    cefo__json_costs(fp, r);
    json_processes(r, fp);
    json_links(r, fp);
    json_materials(r, fp);
    json_pollutants(r, fp);
    json_resources(r, fp);
    cefo__json_areas(fp, r);
    fputs(",\n  \"indicators\": ", fp);
    cefo__json_indicators(fp, r);
    json_decisions(r, fp);
    cefo__json_periods(fp, r);
    fputs(period ? "\n}" : "\n}\n", fp);
}
