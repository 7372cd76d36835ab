/* result_write.c - a solved plan as text for people (docs/results.md), and the writers of a
 * plan in every format (JSON in result_json.c, CSV in result_csv.c). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "writers/breakdown.h"
#include "writers/fmt.h"
#include "writers/plan.h"
#include "writers/report.h"

/* Whether a plan was solved as a MIP: its network has build/keep decisions (cefo.h). */
int cefo__plan_is_mip(const cefo_result *r)
{
    const cefo_network *net = cefo_result_network(r);
    for (size_t i = 0; i < cefo_network_count(net, CEFO_PROCESS); i++) {
        cefo_process_info p;
        if (cefo_network_process(net, i, &p) == CEFO_OK && p.optional)
            return 1;
    }
    for (size_t i = 0; i < cefo_network_count(net, CEFO_LINK); i++) {
        cefo_link_info l;
        if (cefo_network_link(net, i, &l) == CEFO_OK && l.optional)
            return 1;
    }
    return 0;
}

/* Width of the widest id of items of `kind` (at least `min`, at most 40). */
static int id_width(const cefo_network *net, cefo_item kind, int min)
{
    int w = min;
    for (size_t i = 0; i < cefo_network_count(net, kind); i++) {
        int l = (int)strlen(cefo_network_id(net, kind, i));
        w = l > w ? l : w;
    }
    return w > 40 ? 40 : w;
}

static void text_costs(const cefo_result *r, FILE *fp, const char *cur)
{
    char b[32];
    fprintf(fp, "\nCosts (%s)\n", cur);
    for (size_t i = 0; i < cefo_result_cost_count(r); i++) {
        cefo_cost_term t;
        cefo_result_cost_term(r, i, &t);
        fprintf(fp, "  %-20s %16s\n", t.label, cefo__fmt_human(b, t.value));
    }
}

static void text_resources(const cefo_result *r, FILE *fp, const char *cur)
{
    char b1[32], b2[32], b3[32], b4[32], b5[32];
    size_t n = cefo_result_count(r, CEFO_RESOURCE);
    if (!n)
        return;
    int w = id_width(cefo_result_network(r), CEFO_RESOURCE, 9);
    fputs("\nResources (use, min and max in the unit shown; price and shadow price in ", fp);
    cefo__text_str(fp, cur);
    fputs(" per that unit)", fp);
    fprintf(fp, "\n  %-*s %-12s %12s %12s %12s %10s %14s\n", w, "id", "unit", "use",
            "min", "max", "price", "shadow price");
    for (size_t i = 0; i < n; i++) {
        cefo_resource_result row;
        cefo_result_resource(r, i, &row);
        fprintf(fp, "  %-*s %-12s %12s %12s %12s %10s %14s\n", w, row.id, row.unit,
                cefo__fmt_human(b1, row.use),
                isinf(row.min) ? "none" : cefo__fmt_human(b2, row.min),
                cefo__fmt_human(b3, row.max), cefo__fmt_human(b4, row.price),
                cefo__fmt_human(b5, row.shadow_price));
    }
}

static void text_processes(const cefo_result *r, FILE *fp, const char *cur, int w)
{
    const cefo_network *net = cefo_result_network(r);
    char b1[32], b2[32], b3[32];
    cefo__label_cols lc = cefo__text_label_cols(net);
    fputs("\nProcesses (activity and capacity in units of activity; shadow price in ", fp);
    cefo__text_str(fp, cur);
    fputs(" per unit of activity)", fp);
    fprintf(fp, "\n  %-*s %-10s %14s %14s %14s", w, "id", "kind", "activity",
            "capacity", "shadow price");
    cefo__text_labels(fp, &lc, NULL);
    for (size_t i = 0; i < cefo_result_count(r, CEFO_PROCESS); i++) {
        cefo_process_result row;
        cefo_process_info p;
        cefo_result_process(r, i, &row);
        cefo_network_process(net, i, &p);
        fprintf(fp, "\n  %-*s %-10s %14s %14s %14s", w, row.id, row.kind,
                cefo__fmt_human(b1, row.activity), cefo__fmt_human(b2, row.capacity),
                cefo__fmt_human(b3, row.capacity_shadow_price));
        cefo__text_labels(fp, &lc, &p);
    }
    fputc('\n', fp);
}

static void text_links(const cefo_result *r, FILE *fp, int w)
{
    const cefo_network *net = cefo_result_network(r);
    size_t n = cefo_result_count(r, CEFO_LINK);
    char b1[32], b2[32];
    int dist = 0;
    if (!n)
        return;
    for (size_t i = 0; i < n; i++)
        dist |= !isnan(cefo_network_link_distance(net, i));
    fputs("\nLinks (flow and capacity in the material's unit)", fp);
    fprintf(fp, "\n  %-*s    %-*s %-16s %14s %14s%s\n", w, "from", w, "to", "material",
            "flow", "capacity", dist ? "       distance" : "");
    for (size_t i = 0; i < n; i++) {
        cefo_link_result row;
        cefo_result_link(r, i, &row);
        fprintf(fp, "  %-*s -> %-*s %-16s %14s %14s", w, row.from, w, row.to, row.material,
                cefo__fmt_human(b1, row.flow), cefo__fmt_human(b2, row.capacity));
        if (dist)
            fprintf(fp, " %14s", cefo__fmt_human(b1, cefo_network_link_distance(net, i)));
        fputc('\n', fp);
    }
}

static void text_materials(const cefo_result *r, FILE *fp, const char *cur)
{
    char b1[32], b2[32], b3[32], b4[32], b5[32];
    int w = id_width(cefo_result_network(r), CEFO_MATERIAL, 8);
    fputs("\nMaterials (amounts in the unit shown; shadow price in ", fp);
    cefo__text_str(fp, cur);
    fputs(" per that unit)", fp);
    fprintf(fp, "\n  %-*s %-8s %12s %12s %12s %12s %14s\n", w, "id", "unit", "import",
            "export", "discharge", "demand", "shadow price");
    for (size_t i = 0; i < cefo_result_count(r, CEFO_MATERIAL); i++) {
        cefo_material_result m;
        cefo_result_material(r, i, &m);
        fprintf(fp, "  %-*s %-8s %12s %12s %12s %12s %14s\n", w, m.id, m.unit,
                cefo__fmt_human(b1, m.import), cefo__fmt_human(b2, m.export),
                cefo__fmt_human(b3, m.discharge), cefo__fmt_human(b4, m.demand),
                cefo__fmt_human(b5, m.shadow_price));
    }
}

static void text_pollutants(const cefo_result *r, FILE *fp, const char *cur)
{
    char b1[32], b2[32], b3[32];
    size_t n = cefo_result_count(r, CEFO_POLLUTANT);
    if (!n)
        return;
    int w = id_width(cefo_result_network(r), CEFO_POLLUTANT, 9);
    fputs("\nPollutants (emission and cap in the unit shown; shadow price in ", fp);
    cefo__text_str(fp, cur);
    fputs(" per that unit)", fp);
    fprintf(fp, "\n  %-*s %-8s %12s %12s %14s\n", w, "id", "unit", "emission", "cap",
            "shadow price");
    for (size_t i = 0; i < n; i++) {
        cefo_pollutant_result k;
        cefo_result_pollutant(r, i, &k);
        fprintf(fp, "  %-*s %-8s %12s %12s %14s\n", w, k.id, k.unit,
                cefo__fmt_human(b1, k.emission), cefo__fmt_human(b2, k.cap),
                cefo__fmt_human(b3, k.shadow_price));
    }
}

static void text_decisions(const cefo_result *r, FILE *fp, const char *cur)
{
    const cefo_network *net = cefo_result_network(r);
    char b[32];
    if (!cefo__plan_is_mip(r))
        return;
    fprintf(fp, "\nDecisions (relative gap %s; shadow prices are those of the LP with these "
                "decisions fixed)\n", cefo__fmt_human(b, cefo_result_gap(r)));
    for (size_t g = 0; g < cefo_result_count(r, CEFO_GROUP); g++) {
        cefo_group_result row;
        cefo_result_group(r, g, &row);
        fprintf(fp, "  group %-20s %-24s %-12s fixed cost %s ", row.id,
                row.chosen ? row.chosen : "(none: closed)", row.variant ? row.variant : "",
                cefo__fmt_human(b, row.fixed_cost));
        cefo__text_str(fp, cur);
        fputc('\n', fp);
    }
    for (size_t i = 0; i < cefo_result_count(r, CEFO_PROCESS); i++) {
        cefo_process_info p;
        cefo_process_result row;
        cefo_network_process(net, i, &p);
        cefo_result_process(r, i, &row);
        if (p.optional && !p.group)
            fprintf(fp, "  optional process %-20s %s\n", p.id,
                    row.chosen == 1 ? "built" : "not built");
    }
    for (size_t i = 0; i < cefo_result_count(r, CEFO_LINK); i++) {
        cefo_link_result row;
        cefo_result_link(r, i, &row);
        if (row.chosen != -1)
            fprintf(fp, "  optional link %s -> %s (%s) %s\n", row.from, row.to, row.material,
                    row.chosen == 1 ? "built" : "not built");
    }
}

void cefo__text_plan(const cefo_result *r, FILE *fp, const cefo_period_info *period)
{
    const cefo_network *net = cefo_result_network(r);
    const char *cur = cefo__currency(net);
    cefo_solve_status status = cefo_result_status(r);
    char b[32];
    if (period) {
        cefo__text_period_head(fp, period, cur);
    } else {
        cefo__text_source(fp, net);
        fprintf(fp, "Status: %s\n", cefo_solve_status_words(status));
    }
    if (isnan(cefo_result_objective(r))) {
        size_t nd = cefo_result_diagnosis_count(r);
        fprintf(fp, "No optimal plan: %s.\n", cefo_solve_status_words(status));
        if (nd)
            fprintf(fp, "\nThe least change that would make a plan possible:\n");
        for (size_t i = 0; i < nd; i++) {
            cefo_diagnosis_item d;
            cefo_result_diagnosis(r, i, &d);
            fprintf(fp, "  - %s\n", d.message);
        }
        return;
    }
    fprintf(fp, "Total cost: %s %s\n", cefo__fmt_human(b, cefo_result_objective(r)), cur);
    text_costs(r, fp, cur);
    text_decisions(r, fp, cur);
    int w = id_width(net, CEFO_PROCESS, 7);
    text_processes(r, fp, cur, w);
    text_links(r, fp, w);
    text_materials(r, fp, cur);
    text_pollutants(r, fp, cur);
    text_resources(r, fp, cur);
    cefo__text_shadow_words(fp, r);
    cefo__text_areas(fp, r);
    cefo__text_indicators(fp, r);
    cefo__text_periods(fp, r);
}

static void plan_text(const void *r, FILE *fp)
{
    cefo__text_plan(r, fp, NULL);
}

static void plan_json(const void *r, FILE *fp)
{
    cefo__json_plan(r, fp, NULL);
}

static void plan_csv(const void *r, FILE *fp)
{
    cefo__csv_plan(r, fp, 1);
}

static const cefo__formats plan_formats = {plan_text, plan_json, plan_csv};

cefo_status cefo_result_write(const cefo_result *res, FILE *fp, cefo_format format, cefo_error *err)
{
    if (!res || !fp || !cefo__format_ok(format))
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad arguments to write a result");
    return cefo__write_format(&plan_formats, format, res, fp, NULL, err);
}

cefo_status cefo_result_write_file(const cefo_result *res, const char *path, cefo_format format,
                                   cefo_error *err)
{
    if (!res || !path || !*path || !cefo__format_ok(format))
        return cefo__error(err, CEFO_ERR_ARG, path, 0, NULL, "bad arguments to write a result");
    return cefo__write_format(&plan_formats, format, res, NULL, path, err);
}
