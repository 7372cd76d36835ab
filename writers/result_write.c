/* result_write.c - a solved plan as text for people, JSON and CSV for tools (docs/results.md). */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "writers/breakdown.h"
#include "writers/fmt.h"
#include "writers/plan.h"
#include "models/result.h"

/* A 0/1 decision as JSON: true, false, or null when the item is no decision or no plan. */
static void json_chosen(FILE *fp, double chosen)
{
    fputs(isnan(chosen) ? "null" : chosen > 0.5 ? "true" : "false", fp);
}

static void json_decisions(const cefo_result *r, FILE *fp)
{
    const cefo_network *net = r->net;
    fputs(",\n  \"groups\": [", fp);
    for (size_t g = 0; g < net->ngroups; g++) {
        cefo_group_result row;
        cefo_result_group(r, g, &row);
        fprintf(fp, "%s\n    {\"id\": ", g ? "," : "");
        cefo__json_str(fp, row.id);
        fputs(", \"chosen\": ", fp);
        cefo__json_str_or_null(fp, row.chosen);
        fputs(", \"variant\": ", fp);
        cefo__json_str_or_null(fp, row.chosen ? (row.variant ? row.variant : row.chosen)
                                              : isnan(r->objective) ? NULL : "closed");
        fputs(", ", fp);
        cefo__json_num(fp, "fixed_cost", row.fixed_cost, r->nperiods == 0);
        cefo__json_trajectory(fp, r, g);
        fputc('}', fp);
    }
    fprintf(fp, "%s],\n  \"diagnosis\": ", net->ngroups ? "\n  " : "");
    if (r->status != CEFO_SOLVE_INFEASIBLE || !r->diag)
        fputs("null", fp);
    for (size_t i = 0; r->diag && i < r->ndiag; i++) {
        const cefo__diag_item *d = &r->diag[i];
        fprintf(fp, "%s\n    {\"kind\": \"%s\", \"id\": ", i ? "," : "[", d->kind);
        cefo__json_str(fp, d->id);
        fputs(", ", fp);
        cefo__json_num(fp, "amount", d->amount, 0);
        fputs("\"unit\": ", fp);
        cefo__json_str(fp, d->unit);
        fputs(", \"message\": ", fp);
        cefo__json_str(fp, d->message);
        fputc('}', fp);
    }
    fputs(r->diag ? "\n  ]" : "", fp);
    fputs(",\n  \"mip\": ", fp);
    if (!r->mip) {
        fputs("null", fp);
        return;
    }
    fputc('{', fp);
    cefo__json_num(fp, "gap", r->gap, 0);
    fputs("\"shadow_prices\": \"from the LP with every decision fixed\"}", fp);
}

/* "resources": [...], only when the network has resources (older outputs stay as they were). */
static void json_resources(const cefo_result *r, FILE *fp)
{
    const cefo_network *net = r->net;
    if (!net->nresources)
        return;
    fputs(",\n  \"resources\": [", fp);
    for (size_t i = 0; i < net->nresources; i++) {
        cefo_resource_result row;
        cefo_result_resource(r, i, &row);
        fprintf(fp, "%s\n    {\"id\": ", i ? "," : "");
        cefo__json_str(fp, row.id);
        fputs(", \"unit\": ", fp);
        cefo__json_str(fp, row.unit);
        fputs(", ", fp);
        cefo__json_num(fp, "use", row.use, 0);
        cefo__json_num(fp, "min", isinf(row.min) ? NAN : row.min, 0);
        cefo__json_num(fp, "max", isinf(row.max) ? NAN : row.max, 0);
        cefo__json_num(fp, "price", row.price, 0);
        cefo__json_num(fp, "shadow_price", row.shadow_price, 1);
        fputc('}', fp);
    }
    fputs("\n  ]", fp);
}

void cefo__json_plan(const cefo_result *r, FILE *fp, const cefo_period_info *period)
{
    const cefo_network *net = r->net;
    fputs("{\n  ", fp);
    if (period)
        cefo__json_period_head(fp, period);
    else
        cefo__json_source(fp, net);
    fprintf(fp, "\"status\": \"%s\",\n  ", cefo_solve_status_name(r->status));
    cefo__json_num(fp, "objective", r->objective, 1);
    fprintf(fp, ",\n  \"currency\": ");
    cefo__json_str_or_null(fp, net->currency);
    fprintf(fp, ",\n  \"costs\": ");
    cefo__json_costs(fp, r);
    fprintf(fp, ",\n  \"processes\": [");
    for (size_t i = 0; i < net->nprocesses; i++) {
        fprintf(fp, "%s\n    {\"id\": ", i ? "," : "");
        cefo__json_str(fp, net->processes[i].id);
        fprintf(fp, ", \"kind\": \"%s\", ", cefo__process_kind_name(net->processes[i].kind));
        cefo__json_labels(fp, &net->processes[i]);
        cefo__json_num(fp, "activity", r->activity[i], 0);
        cefo__json_num(fp, "capacity", isinf(r->capacity[i]) ? NAN : r->capacity[i], 0);
        cefo__json_num(fp, "capacity_shadow_price", r->capacity_shadow[i], 0);
        fputs("\"chosen\": ", fp);
        json_chosen(fp, r->chosen[i]);
        cefo__json_process_figures(fp, r, i);
        fputc('}', fp);
    }
    fprintf(fp, "%s],\n  \"links\": [", net->nprocesses ? "\n  " : "");
    for (size_t i = 0; i < net->nlinks; i++) {
        const cefo__link *l = &net->links[i];
        fprintf(fp, "%s\n    {\"from\": ", i ? "," : "");
        cefo__json_str(fp, net->processes[l->from].id);
        fputs(", \"to\": ", fp);
        cefo__json_str(fp, net->processes[l->to].id);
        fputs(", \"material\": ", fp);
        cefo__json_str(fp, net->materials[l->material].id);
        fputs(", ", fp);
        cefo__json_num(fp, "flow", r->flow[i], 0);
        cefo__json_num(fp, "capacity", isinf(l->capacity) ? NAN : l->capacity, 0);
        cefo__json_num(fp, "distance", l->distance, 0);
        fputs("\"chosen\": ", fp);
        json_chosen(fp, r->link_chosen[i]);
        fputc('}', fp);
    }
    fprintf(fp, "%s],\n  \"materials\": [", net->nlinks ? "\n  " : "");
    for (size_t i = 0; i < net->nmaterials; i++) {
        fprintf(fp, "%s\n    {\"id\": ", i ? "," : "");
        cefo__json_str(fp, net->materials[i].id);
        fputs(", \"unit\": ", fp);
        cefo__json_str(fp, net->materials[i].unit);
        fprintf(fp, ", \"kind\": \"%s\", ", cefo__material_kind_name(net->materials[i].kind));
        cefo__json_num(fp, "import", r->import[i], 0);
        cefo__json_num(fp, "export", r->export[i], 0);
        cefo__json_num(fp, "discharge", r->discharge[i], 0);
        cefo__json_num(fp, "demand", r->demand[i], 0);
        cefo__json_num(fp, "shadow_price", r->shadow[i], 1);
        fputc('}', fp);
    }
    fprintf(fp, "%s],\n  \"pollutants\": [", net->nmaterials ? "\n  " : "");
    for (size_t i = 0; i < net->npollutants; i++) {
        fprintf(fp, "%s\n    {\"id\": ", i ? "," : "");
        cefo__json_str(fp, net->pollutants[i].id);
        fputs(", \"unit\": ", fp);
        cefo__json_str(fp, net->pollutants[i].unit);
        fputs(", ", fp);
        cefo__json_num(fp, "emission", r->emission[i], 0);
        cefo__json_num(fp, "cap", isinf(r->cap[i]) ? NAN : r->cap[i], 0);
        cefo__json_num(fp, "damage_cost", r->damage[i], 0);
        cefo__json_num(fp, "shadow_price", r->cap_shadow[i], 1);
        fputc('}', fp);
    }
    fprintf(fp, "%s]", net->npollutants ? "\n  " : "");
    json_resources(r, fp);
    cefo__json_areas(fp, r);
    fputs(",\n  \"indicators\": ", fp);
    cefo__json_indicators(fp, r);
    json_decisions(r, fp);
    cefo__json_periods(fp, r);
    fputs(period ? "\n}" : "\n}\n", fp);
}

/* CSV: one long table, `section,id,from,to,material,quantity,value,unit` (docs/results.md). */
static void csv_row(FILE *fp, const char *section, const char *id, const char *from, const char *to,
                    const char *material, const char *quantity, double v, const char *unit)
{
    const char *f[] = {section, id, from, to, material, quantity};
    cefo__csv_line(fp, f, 6, v, unit);
}

/* Decisions: chosen 1/0 per decision, each group's chosen process in `from`, the MIP gap. */
static void csv_decisions(const cefo_result *r, FILE *fp, const char *cur)
{
    const cefo_network *net = r->net;
    for (size_t i = 0; i < net->nprocesses; i++)
        if (cefo__process_is_decision(&net->processes[i]))
            csv_row(fp, "decision", net->processes[i].id, NULL, NULL, NULL, "chosen",
                    r->chosen[i], NULL);
    for (size_t i = 0; i < net->nlinks; i++) {
        const cefo__link *l = &net->links[i];
        if (l->optional)
            csv_row(fp, "decision", NULL, net->processes[l->from].id, net->processes[l->to].id,
                    net->materials[l->material].id, "chosen", r->link_chosen[i], NULL);
    }
    for (size_t g = 0; g < net->ngroups; g++) {
        cefo_group_result row;
        cefo_result_group(r, g, &row);
        csv_row(fp, "group", row.id, row.chosen, NULL, NULL, "fixed_cost", row.fixed_cost, cur);
    }
    if (r->mip)
        csv_row(fp, "mip", NULL, NULL, NULL, NULL, "gap", r->gap, NULL);
    for (size_t i = 0; i < r->ndiag; i++)
        csv_row(fp, "diagnosis", r->diag[i].id, NULL, NULL, NULL, r->diag[i].kind,
                r->diag[i].amount, r->diag[i].unit);
}

/* The unit of a price per unit of `unit`: "kCNY/t" ("/t" without a currency). */
static const char *per(char buf[CEFO__UNIT_MAX], const char *cur, const char *unit)
{
    snprintf(buf, CEFO__UNIT_MAX, "%.90s/%.90s", cur ? cur : "", unit);
    return buf;
}

void cefo__csv_plan(const cefo_result *r, FILE *fp, int header)
{
    char pu[CEFO__UNIT_MAX];
    const cefo_network *net = r->net;
    const char *cur = net->currency;
    if (header && r->nperiods) {
        cefo__csv_periods(fp, r);
        return;
    }
    if (header) {
        fputs("section,id,from,to,material,quantity,value,unit\n", fp);
        cefo__csv_source(fp, net, "");
    }
    fprintf(fp, "status,%s,,,,status,,\n", cefo_solve_status_name(r->status));
    csv_row(fp, "objective", "total", NULL, NULL, NULL, "cost", r->objective, cur);
    for (size_t i = 0; i < cefo__cost_count(r); i++) {
        const char *key, *label;
        double v;
        cefo__cost_term(r, i, &key, &label, &v);
        csv_row(fp, "cost", key, NULL, NULL, NULL, "cost", v, cur);
    }
    for (size_t i = 0; i < net->nprocesses; i++) {
        const char *id = net->processes[i].id;
        csv_row(fp, "process", id, NULL, NULL, NULL, "activity", r->activity[i], NULL);
        csv_row(fp, "process", id, NULL, NULL, NULL, "capacity", r->capacity[i], NULL);
        csv_row(fp, "process", id, NULL, NULL, NULL, "capacity_shadow_price", r->capacity_shadow[i],
                cur);
        cefo__csv_process_figures(fp, r, i, cur);
    }
    for (size_t i = 0; i < net->nlinks; i++) {
        const cefo__link *l = &net->links[i];
        const cefo__material *m = &net->materials[l->material];
        csv_row(fp, "link", NULL, net->processes[l->from].id, net->processes[l->to].id, m->id,
                "flow", r->flow[i], m->unit);
        if (!isnan(l->distance))
            csv_row(fp, "link", NULL, net->processes[l->from].id, net->processes[l->to].id,
                    m->id, "distance", l->distance, NULL);
    }
    for (size_t i = 0; i < net->nmaterials; i++) {
        const cefo__material *m = &net->materials[i];
        const char *q[] = {"import", "export", "discharge", "demand"};
        const double v[] = {r->import[i], r->export[i], r -> discharge[i], r -> demand[i]};
        for (int k = 0; k < 4; k++)
            csv_row(fp, "material", m->id, NULL, NULL, NULL, q[k], v[k], m->unit);
        csv_row(fp, "material", m->id, NULL, NULL, NULL, "shadow_price", r->shadow[i],
                per(pu, cur, m->unit));
    }
    for (size_t i = 0; i < net->npollutants; i++) {
        const cefo__pollutant *k = &net->pollutants[i];
        csv_row(fp, "pollutant", k->id, NULL, NULL, NULL, "emission", r->emission[i], k->unit);
        csv_row(fp, "pollutant", k->id, NULL, NULL, NULL, "cap", r->cap[i], k->unit);
        csv_row(fp, "pollutant", k->id, NULL, NULL, NULL, "shadow_price", r->cap_shadow[i],
                per(pu, cur, k->unit));
    }
    for (size_t i = 0; i < net->nresources; i++) {
        const cefo__resource *res = &net->resources[i];
        const char *q[] = {"use", "min", "max", "price", "shadow_price"};
        const double v[] = {r->use[i], r->res_min[i], r->res_max[i], r->res_price[i],
                            r->res_shadow[i]};
        for (int k = 0; k < 5; k++)
            csv_row(fp, "resource", res->id, NULL, NULL, NULL, q[k], v[k],
                    k < 3 ? res->unit : per(pu, cur, res->unit));
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

/* Width of the widest id in an array of items whose `char *id` sits at `offset`. */
static int width_of(const void *items, size_t n, size_t stride, size_t offset, int min)
{
    int w = min;
    for (size_t i = 0; i < n; i++) {
        const char *id;
        memcpy(&id, (const char *)items + i * stride + offset, sizeof id);
        int l = (int)strlen(id);
        w = l > w ? l : w;
    }
    return w > 40 ? 40 : w;
}

static void text_costs(const cefo_result *r, FILE *fp, const char *cur)
{
    char b[32];
    fprintf(fp, "\nCosts (%s)\n", cur);
    for (size_t i = 0; i < cefo__cost_count(r); i++) {
        const char *key, *label;
        double v;
        cefo__cost_term(r, i, &key, &label, &v);
        fprintf(fp, "  %-20s %16s\n", label, cefo__fmt_human(b, v));
    }
}

static void text_resources(const cefo_result *r, FILE *fp)
{
    const cefo_network *net = r->net;
    char b1[32], b2[32], b3[32], b4[32], b5[32];
    if (!net->nresources)
        return;
    int w = width_of(net->resources, net->nresources, sizeof *net->resources,
                     offsetof(cefo__resource, id), 9);
    fputs("\nResources (use, min and max in the unit shown; price and shadow price in ", fp);
    cefo__text_str(fp, net->currency ? net->currency : "currency units");
    fputs(" per that unit)", fp);
    fprintf(fp, "\n  %-*s %-12s %12s %12s %12s %10s %14s\n", w, "id", "unit", "use",
            "min", "max", "price", "shadow price");
    for (size_t i = 0; i < net->nresources; i++)
        fprintf(fp, "  %-*s %-12s %12s %12s %12s %10s %14s\n", w, net->resources[i].id,
                net->resources[i].unit, cefo__fmt_human(b1, r->use[i]),
                isinf(r->res_min[i]) ? "none" : cefo__fmt_human(b2, r->res_min[i]),
                cefo__fmt_human(b3, r->res_max[i]), cefo__fmt_human(b4, r->res_price[i]),
                cefo__fmt_human(b5, r->res_shadow[i]));
}

static void text_tables(const cefo_result *r, FILE *fp, const char *cur)
{
    const cefo_network *net = r->net;
    char b1[32], b2[32], b3[32], b4[32], b5[32];
    int w = width_of(net->processes, net->nprocesses, sizeof *net->processes,
                     offsetof(cefo__process, id), 7);
    cefo__label_cols lc = cefo__text_label_cols(net);
    fputs("\nProcesses (activity and capacity in units of activity; shadow price in ", fp);
    cefo__text_str(fp, cur);
    fputs(" per unit of activity)", fp);
    fprintf(fp, "\n  %-*s %-10s %14s %14s %14s", w, "id", "kind", "activity",
            "capacity", "shadow price");
    cefo__text_labels(fp, &lc, NULL);
    for (size_t i = 0; i < net->nprocesses; i++) {
        fprintf(fp, "\n  %-*s %-10s %14s %14s %14s", w, net->processes[i].id,
                cefo__process_kind_name(net->processes[i].kind),
                cefo__fmt_human(b1, r->activity[i]), cefo__fmt_human(b2, r->capacity[i]),
                cefo__fmt_human(b3, r->capacity_shadow[i]));
        cefo__text_labels(fp, &lc, &net->processes[i]);
    }
    fputc('\n', fp);
    if (net->nlinks) {
        int dist = 0;
        for (size_t i = 0; i < net->nlinks; i++)
            dist |= !isnan(net->links[i].distance);
        fputs("\nLinks (flow and capacity in the material's unit)", fp);
        fprintf(fp, "\n  %-*s    %-*s %-16s %14s %14s%s\n", w, "from", w, "to", "material",
                "flow", "capacity", dist ? "       distance" : "");
        for (size_t i = 0; i < net->nlinks; i++) {
            const cefo__link *l = &net->links[i];
            fprintf(fp, "  %-*s -> %-*s %-16s %14s %14s", w, net->processes[l->from].id, w,
                    net->processes[l->to].id, net->materials[l->material].id,
                    cefo__fmt_human(b1, r->flow[i]), cefo__fmt_human(b2, l->capacity));
            if (dist)
                fprintf(fp, " %14s", cefo__fmt_human(b1, l->distance));
            fputc('\n', fp);
        }
    }
    int wm = width_of(net->materials, net->nmaterials, sizeof *net->materials,
                      offsetof(cefo__material, id), 8);
    fputs("\nMaterials (amounts in the unit shown; shadow price in ", fp);
    cefo__text_str(fp, cur);
    fputs(" per that unit)", fp);
    fprintf(fp, "\n  %-*s %-8s %12s %12s %12s %12s %14s\n", wm, "id", "unit", "import",
            "export", "discharge", "demand", "shadow price");
    for (size_t i = 0; i < net->nmaterials; i++)
        fprintf(fp, "  %-*s %-8s %12s %12s %12s %12s %14s\n", wm, net->materials[i].id,
                net->materials[i].unit, cefo__fmt_human(b1, r->import[i]),
                cefo__fmt_human(b2, r->export[i]), cefo__fmt_human(b3, r->discharge[i]),
                cefo__fmt_human(b4, r->demand[i]), cefo__fmt_human(b5, r->shadow[i]));
    if (net->npollutants) {
        int wk = width_of(net->pollutants, net->npollutants, sizeof *net->pollutants,
                          offsetof(cefo__pollutant, id), 9);
        fputs("\nPollutants (emission and cap in the unit shown; shadow price in ", fp);
        cefo__text_str(fp, cur);
        fputs(" per that unit)", fp);
        fprintf(fp, "\n  %-*s %-8s %12s %12s %14s\n", wk, "id", "unit", "emission",
                "cap", "shadow price");
        for (size_t i = 0; i < net->npollutants; i++)
            fprintf(fp, "  %-*s %-8s %12s %12s %14s\n", wk, net->pollutants[i].id,
                    net->pollutants[i].unit, cefo__fmt_human(b1, r->emission[i]),
                    cefo__fmt_human(b2, r->cap[i]), cefo__fmt_human(b3, r->cap_shadow[i]));
    }
}

static void text_decisions(const cefo_result *r, FILE *fp)
{
    const cefo_network *net = r->net;
    char b[32];
    if (!r->mip)
        return;
    fprintf(fp, "\nDecisions (relative gap %s; shadow prices are those of the LP with these "
                "decisions fixed)\n", cefo__fmt_human(b, r->gap));
    for (size_t g = 0; g < net->ngroups; g++) {
        cefo_group_result row;
        cefo_result_group(r, g, &row);
        fprintf(fp, "  group %-20s %-24s %-12s fixed cost %s ", row.id,
                row.chosen ? row.chosen : "(none: closed)", row.variant ? row.variant : "",
                cefo__fmt_human(b, row.fixed_cost));
        cefo__text_str(fp, net->currency ? net->currency : "currency units");
        fputc('\n', fp);
    }
    for (size_t i = 0; i < net->nprocesses; i++) {
        const cefo__process *p = &net->processes[i];
        if (p->optional && !p->group)
            fprintf(fp, "  optional process %-20s %s\n", p->id,
                    r->chosen[i] > 0.5 ? "built" : "not built");
    }
    for (size_t i = 0; i < net->nlinks; i++) {
        const cefo__link *l = &net->links[i];
        if (l->optional)
            fprintf(fp, "  optional link %s -> %s (%s) %s\n", net->processes[l->from].id,
                    net->processes[l->to].id, net->materials[l->material].id,
                    r->link_chosen[i] > 0.5 ? "built" : "not built");
    }
}

void cefo__text_plan(const cefo_result *r, FILE *fp, const cefo_period_info *period)
{
    const cefo_network *net = r->net;
    const char *cur = net->currency ? net->currency : "currency units";
    char b[32];
    if (period) {
        cefo__text_period_head(fp, period, cur);
    } else {
        cefo__text_source(fp, net);
        fprintf(fp, "Status: %s\n", cefo_solve_status_words(r->status));
    }
    if (isnan(r->objective)) {
        fprintf(fp, "No optimal plan: %s.\n", cefo_solve_status_words(r->status));
        if (r->ndiag)
            fprintf(fp, "\nThe least change that would make a plan possible:\n");
        for (size_t i = 0; i < r->ndiag; i++)
            fprintf(fp, "  - %s\n", r->diag[i].message);
        return;
    }
    fprintf(fp, "Total cost: %s %s\n", cefo__fmt_human(b, r->objective), cur);
    text_costs(r, fp, cur);
    text_decisions(r, fp);
    text_tables(r, fp, cur);
    text_resources(r, fp);
    cefo__text_shadow_words(fp, r);
    cefo__text_areas(fp, r);
    cefo__text_indicators(fp, r);
    cefo__text_periods(fp, r);
}

typedef struct plan_out {
    const cefo_result *res;
    cefo_format format;
} plan_out;

static void write_plan(const void *ctx, FILE *fp)
{
    const plan_out *o = ctx;
    if (o->format == CEFO_FORMAT_JSON)
        cefo__json_plan(o->res, fp, NULL);
    else if (o->format == CEFO_FORMAT_CSV)
        cefo__csv_plan(o->res, fp, 1);
    else
        cefo__text_plan(o->res, fp, NULL);
}

cefo_status cefo_result_write(const cefo_result *res, FILE *fp, cefo_format format, cefo_error *err)
{
    if (!res || !fp || format < CEFO_FORMAT_TEXT || format > CEFO_FORMAT_CSV)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad arguments to write a result");
    plan_out o = {res, format};
    return cefo__write_stream(write_plan, &o, fp, err);
}

cefo_status cefo_result_write_file(const cefo_result *res, const char *path, cefo_format format,
                                   cefo_error *err)
{
    if (!res || !path || !*path || format < CEFO_FORMAT_TEXT || format > CEFO_FORMAT_CSV)
        return cefo__error(err, CEFO_ERR_ARG, path, 0, NULL, "bad arguments to write a result");
    plan_out o = {res, format};
    return cefo__write_atomic(write_plan, &o, path, err);
}

typedef struct summary_out {
    const cefo_result *res;
    const char *prefix;
    int header;
    const char *header_prefix; /* the file form: header line, then the summary line */
} summary_out;

static void write_summary(const void *ctx, FILE *fp)
{
    const summary_out *o = ctx;
    const cefo_result *r = o->res;
    const cefo_network *net = r->net;
    char b[32];
    if (o->prefix && *o->prefix)
        fprintf(fp, "%s,", o->prefix);
    if (o->header) {
        fputs("status,objective", fp);
        for (size_t i = 0; i < cefo__cost_count(r); i++)
            if (cefo__cost_column(r, i))
                fprintf(fp, ",%s", cefo__cost_column(r, i));
        for (size_t k = 0; k < net->npollutants; k++) {
            fputs(",", fp);
            char name[160];
            snprintf(name, sizeof name, "emission:%s", net->pollutants[k].id);
            cefo__csv_field(fp, name);
        }
        for (size_t k = 0; k < net->nresources; k++) {
            fputs(",", fp);
            char name[160];
            snprintf(name, sizeof name, "use:%s", net->resources[k].id);
            cefo__csv_field(fp, name);
        }
        for (size_t i = 0; i < cefo_result_indicator_count(r); i++) {
            cefo_indicator_row row;
            char name[CEFO__UNIT_MAX];
            cefo_result_indicator(r, i, &row);
            fputs(",", fp);
            cefo__csv_field(fp, cefo__indicator_name(name, &row, 1));
        }
        fputs(",gap\n", fp);
        return;
    }
    fprintf(fp, "%s,%s", cefo_solve_status_name(r->status), cefo__fmt_num(b, r->objective, ""));
    for (size_t i = 0; i < cefo__cost_count(r); i++) {
        const char *key, *label;
        double v;
        cefo__cost_term(r, i, &key, &label, &v);
        if (cefo__cost_column(r, i))
            fprintf(fp, ",%s", cefo__fmt_num(b, v, ""));
    }
    for (size_t k = 0; k < net->npollutants; k++)
        fprintf(fp, ",%s", cefo__fmt_num(b, r->emission[k], ""));
    for (size_t k = 0; k < net->nresources; k++)
        fprintf(fp, ",%s", cefo__fmt_num(b, r->use[k], ""));
    for (size_t i = 0; i < cefo_result_indicator_count(r); i++) {
        cefo_indicator_row row;
        cefo_result_indicator(r, i, &row);
        fprintf(fp, ",%s", cefo__fmt_num(b, row.value, ""));
    }
    fprintf(fp, ",%s\n", cefo__fmt_num(b, r->gap, ""));
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
