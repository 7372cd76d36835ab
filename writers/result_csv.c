/* result_csv.c - a solved plan as CSV for tools (docs/results.md): the long table of every
 * value, and the one-line summaries of sweeps and batches. */
#include <math.h>
#include <stdio.h>

#include "core/error.h"
#include "writers/breakdown.h"
#include "writers/fmt.h"
#include "writers/plan.h"

/* CSV: one long table, `section,id,from,to,material,quantity,value,unit` (docs/results.md). */
static void csv_row(FILE *fp, const char *section, const char *id, const char *from, const char *to,
                    const char *material, const char *quantity, double v, const char *unit)
{
    const char *f[] = {section, id, from, to, material, quantity};
    cefo__csv_line(fp, f, 6, v, unit);
}

/* A decision's 0/1 as a number: NAN for no plan (or no decision). */
static double chosen_value(int chosen)
{
    return chosen < 0 ? NAN : chosen;
}

/* Decisions: chosen 1/0 per decision, each group's chosen process in `from`, the MIP gap. */
static void csv_decisions(const cefo_result *r, FILE *fp, const char *cur)
{
    for (size_t i = 0; i < cefo_result_count(r, CEFO_PROCESS); i++) {
        cefo_process_result row;
        cefo_result_process(r, i, &row);
        if (row.chosen != -1)
            csv_row(fp, "decision", row.id, NULL, NULL, NULL, "chosen",
                    chosen_value(row.chosen), NULL);
    }
    for (size_t i = 0; i < cefo_result_count(r, CEFO_LINK); i++) {
        cefo_link_result row;
        cefo_result_link(r, i, &row);
        if (row.chosen != -1)
            csv_row(fp, "decision", NULL, row.from, row.to, row.material, "chosen",
                    chosen_value(row.chosen), NULL);
    }
    for (size_t g = 0; g < cefo_result_count(r, CEFO_GROUP); g++) {
        cefo_group_result row;
        cefo_result_group(r, g, &row);
        csv_row(fp, "group", row.id, row.chosen, NULL, NULL, "fixed_cost", row.fixed_cost, cur);
    }
    if (cefo__plan_is_mip(r))
        csv_row(fp, "mip", NULL, NULL, NULL, NULL, "gap", cefo_result_gap(r), NULL);
    for (size_t i = 0; i < cefo_result_diagnosis_count(r); i++) {
        cefo_diagnosis_item d;
        cefo_result_diagnosis(r, i, &d);
        csv_row(fp, "diagnosis", d.id, NULL, NULL, NULL, d.kind, d.amount, d.unit);
    }
}

/* The unit of a price per unit of `unit`: "kCNY/t" ("/t" without a currency). */
static const char *per(char buf[CEFO__UNIT_MAX], const char *cur, const char *unit)
{
    snprintf(buf, CEFO__UNIT_MAX, "%.90s/%.90s", cur ? cur : "", unit);
    return buf;
}

static void csv_processes_links(const cefo_result *r, FILE *fp, const char *cur)
{
    const cefo_network *net = cefo_result_network(r);
    for (size_t i = 0; i < cefo_result_count(r, CEFO_PROCESS); i++) {
        cefo_process_result row;
        cefo_result_process(r, i, &row);
        const char *q[] = {"activity", "capacity", "capacity_shadow_price"};
        const double v[] = {row.activity, row.capacity, row.capacity_shadow_price};
        for (int k = 0; k < 3; k++)
            csv_row(fp, "process", row.id, NULL, NULL, NULL, q[k], v[k], k < 2 ? NULL : cur);
        cefo__csv_process_figures(fp, r, i, cur);
    }
    for (size_t i = 0; i < cefo_result_count(r, CEFO_LINK); i++) {
        cefo_link_result row;
        cefo_link_info l;
        cefo_material_info m;
        cefo_result_link(r, i, &row);
        cefo_network_link(net, i, &l);
        cefo_network_material(net, l.material, &m);
        csv_row(fp, "link", NULL, row.from, row.to, row.material, "flow", row.flow, m.unit);
        if (!isnan(l.distance))
            csv_row(fp, "link", NULL, row.from, row.to, row.material, "distance", l.distance,
                    NULL);
    }
}

void cefo__csv_plan(const cefo_result *r, FILE *fp, int header)
{
    char pu[CEFO__UNIT_MAX];
    const cefo_network *net = cefo_result_network(r);
    const char *cur = cefo_network_currency(net);
    if (header && cefo_result_period_count(r)) {
        cefo__csv_periods(fp, r);
        return;
    }
    if (header) {
        fputs("section,id,from,to,material,quantity,value,unit\n", fp);
        cefo__csv_source(fp, net, "");
    }
    fprintf(fp, "status,%s,,,,status,,\n", cefo_solve_status_name(cefo_result_status(r)));
    csv_row(fp, "objective", "total", NULL, NULL, NULL, "cost", cefo_result_objective(r), cur);
    for (size_t i = 0; i < cefo_result_cost_count(r); i++) {
        cefo_cost_term t;
        cefo_result_cost_term(r, i, &t);
        csv_row(fp, "cost", t.key, NULL, NULL, NULL, "cost", t.value, cur);
    }
    csv_processes_links(r, fp, cur);
    for (size_t i = 0; i < cefo_result_count(r, CEFO_MATERIAL); i++) {
        cefo_material_result m;
        cefo_result_material(r, i, &m);
        const char *q[] = {"import", "export", "discharge", "demand"};
        const double v[] = {m.import, m.export, m.discharge, m.demand};
        for (int k = 0; k < 4; k++)
            csv_row(fp, "material", m.id, NULL, NULL, NULL, q[k], v[k], m.unit);
        csv_row(fp, "material", m.id, NULL, NULL, NULL, "shadow_price", m.shadow_price,
                per(pu, cur, m.unit));
    }
    for (size_t i = 0; i < cefo_result_count(r, CEFO_POLLUTANT); i++) {
        cefo_pollutant_result k;
        cefo_result_pollutant(r, i, &k);
        csv_row(fp, "pollutant", k.id, NULL, NULL, NULL, "emission", k.emission, k.unit);
        csv_row(fp, "pollutant", k.id, NULL, NULL, NULL, "cap", k.cap, k.unit);
        csv_row(fp, "pollutant", k.id, NULL, NULL, NULL, "shadow_price", k.shadow_price,
                per(pu, cur, k.unit));
    }
    for (size_t i = 0; i < cefo_result_count(r, CEFO_RESOURCE); i++) {
        cefo_resource_result res;
        cefo_result_resource(r, i, &res);
        const char *q[] = {"use", "min", "max", "price", "shadow_price"};
        const double v[] = {res.use, res.min, res.max, res.price, res.shadow_price};
        for (int k = 0; k < 5; k++)
            csv_row(fp, "resource", res.id, NULL, NULL, NULL, q[k], v[k],
                    k < 3 ? res.unit : per(pu, cur, res.unit));
    }
    cefo__csv_areas(fp, r, cur);
    csv_decisions(r, fp, cur);
    for (size_t i = 0; i < cefo_result_indicator_count(r); i++) {
        cefo_indicator_row row;
        char u[CEFO__UNIT_MAX];
        cefo_result_indicator(r, i, &row);
        csv_row(fp, "indicator", row.key, NULL, NULL, NULL, row.key, row.value,
                cefo__indicator_unit(u, &row));
    }
}

typedef struct summary_out {
    const cefo_result *res;
    const char *prefix;
    int header;
    const char *header_prefix; /* the file form: header line, then the summary line */
} summary_out;

/* "emission:ID" or "use:ID", a column of the summary line. */
static void id_column(FILE *fp, const char *what, const char *id)
{
    char name[160];
    snprintf(name, sizeof name, "%s:%s", what, id);
    fputs(",", fp);
    cefo__csv_field(fp, name);
}

static void summary_header(FILE *fp, const cefo_result *r)
{
    const cefo_network *net = cefo_result_network(r);
    fputs("status,objective", fp);
    for (size_t i = 0; i < cefo_result_cost_count(r); i++) {
        cefo_cost_term t;
        cefo_result_cost_term(r, i, &t);
        if (t.column)
            fprintf(fp, ",%s", t.column);
    }
    for (size_t k = 0; k < cefo_network_count(net, CEFO_POLLUTANT); k++)
        id_column(fp, "emission", cefo_network_id(net, CEFO_POLLUTANT, k));
    for (size_t k = 0; k < cefo_network_count(net, CEFO_RESOURCE); k++)
        id_column(fp, "use", cefo_network_id(net, CEFO_RESOURCE, k));
    for (size_t i = 0; i < cefo_result_indicator_count(r); i++) {
        cefo_indicator_row row;
        char name[CEFO__UNIT_MAX];
        cefo_result_indicator(r, i, &row);
        fputs(",", fp);
        cefo__csv_field(fp, cefo__indicator_name(name, &row, 1));
    }
    fputs(",gap\n", fp);
}

static void write_summary(const void *ctx, FILE *fp)
{
    const summary_out *o = ctx;
    const cefo_result *r = o->res;
    char b[32];
    if (o->prefix && *o->prefix)
        fprintf(fp, "%s,", o->prefix);
    if (o->header) {
        summary_header(fp, r);
        return;
    }
    fprintf(fp, "%s,%s", cefo_solve_status_name(cefo_result_status(r)),
            cefo__fmt_num(b, cefo_result_objective(r), ""));
    for (size_t i = 0; i < cefo_result_cost_count(r); i++) {
        cefo_cost_term t;
        cefo_result_cost_term(r, i, &t);
        if (t.column)
            fprintf(fp, ",%s", cefo__fmt_num(b, t.value, ""));
    }
    for (size_t k = 0; k < cefo_result_count(r, CEFO_POLLUTANT); k++) {
        cefo_pollutant_result row;
        cefo_result_pollutant(r, k, &row);
        fprintf(fp, ",%s", cefo__fmt_num(b, row.emission, ""));
    }
    for (size_t k = 0; k < cefo_result_count(r, CEFO_RESOURCE); k++) {
        cefo_resource_result row;
        cefo_result_resource(r, k, &row);
        fprintf(fp, ",%s", cefo__fmt_num(b, row.use, ""));
    }
    for (size_t i = 0; i < cefo_result_indicator_count(r); i++) {
        cefo_indicator_row row;
        cefo_result_indicator(r, i, &row);
        fprintf(fp, ",%s", cefo__fmt_num(b, row.value, ""));
    }
    fprintf(fp, ",%s\n", cefo__fmt_num(b, cefo_result_gap(r), ""));
}

cefo_status cefo_result_write_summary(const cefo_result *res, FILE *fp, const char *prefix,
                                      int header, cefo_error *err)
{
    if (!res || !fp)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad arguments to write a result");
    summary_out o = {res, prefix, header, NULL};
    return cefo__write_stream(write_summary, &o, fp, err);
}

static void write_summary_file(const void *ctx, FILE *fp)
{
    const summary_out *o = ctx;
    summary_out head = {o->res, o->header_prefix, 1, NULL};
    write_summary(&head, fp);
    write_summary(o, fp);
}

cefo_status cefo_result_write_summary_file(const cefo_result *res, const char *path,
                                           const char *header_prefix, const char *prefix,
                                           cefo_error *err)
{
    if (!res || !path || !*path)
        return cefo__error(err, CEFO_ERR_ARG, path, 0, NULL, "bad arguments to write a result");
    summary_out o = {res, prefix, 0, header_prefix};
    return cefo__write_atomic(write_summary_file, &o, path, err);
}
