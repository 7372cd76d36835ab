/* breakdown_write.c - a plan by firm, sector and zone (spec section 8) in every writer's form:
 * JSON, the long CSV table, text and an HTML table. Reads the result through the public API. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "writers/breakdown.h"
#include "writers/fmt.h"
#include "writers/report.h"

static const char *const area_key[2] = {"sectors", "zones"};
static const char *const area_section[2] = {"sector", "zone"};
static const char *const area_title[2] = {"By sector", "By zone"};

static void json_emissions(FILE *fp, const cefo_result *r, size_t i,
                           int kind)
{
    size_t nk = cefo_result_count(r, CEFO_POLLUTANT);
    fputs("\"emissions\": {", fp);
    for (size_t k = 0; k < nk; k++) {
        cefo_pollutant_result pr;
        cefo_result_pollutant(r, k, &pr);
        double v = kind < 0 ? cefo_result_process_emission(r, i, k)
                            : cefo_result_area_emission(r, (cefo_area_kind)kind, i, k);
        char b[32];
        cefo__json_str(fp, pr.id); /* an id as a key: escaped like any string */
        fprintf(fp, ": %s%s", cefo__fmt_num(b, v, "null"), k + 1 == nk ? "" : ", ");
    }
    fputc('}', fp);
}

void cefo__json_process_figures(FILE *fp, const cefo_result *r, size_t i)
{
    cefo_process_figures f;
    cefo_result_process_figures(r, i, &f);
    fputs(", ", fp);
    cefo__json_num(fp, "cost", f.cost, 0);
    cefo__json_num(fp, "labour", f.labour, 0);
    json_emissions(fp, r, i, -1);
}

void cefo__json_areas(FILE *fp, const cefo_result *r)
{
    for (int kind = 0; kind < 2; kind++) {
        size_t n = cefo_result_area_count(r, (cefo_area_kind)kind);
        size_t nv = cefo_result_variant_count(r);
        if (!n)
            continue;
        fprintf(fp, ",\n  \"%s\": [", area_key[kind]);
        for (size_t i = 0; i < n; i++) {
            cefo_area_result a;
            cefo_result_area(r, (cefo_area_kind)kind, i, &a);
            fprintf(fp, "%s\n    {\"id\": ", i ? "," : "");
            cefo__json_str(fp, a.id);
            fprintf(fp, ", \"processes\": %zu, ", a.processes);
            cefo__json_num(fp, "activity_cost", a.activity_cost, 0);
            cefo__json_num(fp, "fixed_cost", a.fixed_cost, 0);
            cefo__json_num(fp, "labour", a.labour, 0);
            json_emissions(fp, r, i, kind);
            fputs(", \"groups\": {", fp);
            for (size_t v = 0; v < nv; v++) {
                fprintf(fp, "%s", v ? ", " : "");
                cefo__json_str(fp, cefo_result_variant(r, v));
                fprintf(fp, ": %zu", cefo_result_area_groups(r, (cefo_area_kind)kind, i, v));
            }
            fputs("}}", fp);
        }
        fputs("\n  ]", fp);
    }
}

static void csv_cell(FILE *fp, const char *section, const char *id, const char *quantity,
                     double v, const char *unit)
{
    const char *f[] = {section, id, NULL, NULL, NULL, quantity};
    cefo__csv_line(fp, f, 6, v, unit);
}

static void csv_emissions(FILE *fp, const cefo_result *r,
                          const char *section, const char *id, size_t i, int kind)
{
    for (size_t k = 0; k < cefo_result_count(r, CEFO_POLLUTANT); k++) {
        cefo_pollutant_result pr;
        cefo_result_pollutant(r, k, &pr);
        double v = kind < 0 ? cefo_result_process_emission(r, i, k)
                            : cefo_result_area_emission(r, (cefo_area_kind)kind, i, k);
        if (kind < 0 && v == 0)
            continue;
        char q[160];
        snprintf(q, sizeof q, "emission:%s", pr.id);
        csv_cell(fp, section, id, q, v, pr.unit);
    }
}

void cefo__csv_process_figures(FILE *fp, const cefo_result *r, size_t i,
                               const char *cur)
{
    cefo_process_result p;
    cefo_process_figures f;
    cefo_result_process(r, i, &p);
    cefo_result_process_figures(r, i, &f);
    csv_cell(fp, "process", p.id, "cost", f.cost, cur);
    csv_cell(fp, "process", p.id, "labour", f.labour, NULL);
    csv_emissions(fp, r, "process", p.id, i, -1);
}

void cefo__csv_areas(FILE *fp, const cefo_result *r, const char *cur)
{
    for (int kind = 0; kind < 2; kind++) {
        const char *sec = area_section[kind];
        for (size_t i = 0; i < cefo_result_area_count(r, (cefo_area_kind)kind); i++) {
            cefo_area_result a;
            cefo_result_area(r, (cefo_area_kind)kind, i, &a);
            csv_cell(fp, sec, a.id, "processes", (double)a.processes, NULL);
            csv_cell(fp, sec, a.id, "activity_cost", a.activity_cost, cur);
            csv_cell(fp, sec, a.id, "fixed_cost", a.fixed_cost, cur);
            csv_cell(fp, sec, a.id, "labour", a.labour, NULL);
            csv_emissions(fp, r, sec, a.id, i, kind);
            for (size_t v = 0; v < cefo_result_variant_count(r); v++) {
                char q[160];
                snprintf(q, sizeof q, "groups:%s", cefo_result_variant(r, v));
                csv_cell(fp, sec, a.id, q,
                         (double)cefo_result_area_groups(r, (cefo_area_kind)kind, i, v), NULL);
            }
        }
    }
}

#define MAX_CELLS 64

/* The cells of one area row, for text and HTML alike: name, then numbers. */
static size_t area_cells(const cefo_result *r, int kind, size_t i, double *v, size_t cap)
{
    cefo_area_result a;
    cefo_result_area(r, (cefo_area_kind)kind, i, &a);
    size_t n = 0;
    v[n++] = a.activity_cost;
    v[n++] = a.fixed_cost;
    v[n++] = a.labour;
    for (size_t k = 0; k < cefo_result_count(r, CEFO_POLLUTANT) && n < cap; k++)
        v[n++] = cefo_result_area_emission(r, (cefo_area_kind)kind, i, k);
    for (size_t g = 0; g < cefo_result_variant_count(r) && n < cap; g++)
        v[n++] = (double)cefo_result_area_groups(r, (cefo_area_kind)kind, i, g);
    return n;
}

/* Column heads after the name: fixed, then one per pollutant and one per variant label. */
static const char *area_head(const cefo_result *r, size_t c,
                             char *buf, size_t n)
{
    static const char *const fixed[] = {"activity cost", "fixed costs", "labour"};
    size_t nk = cefo_result_count(r, CEFO_POLLUTANT);
    if (c < 3)
        return fixed[c];
    if (c < 3 + nk) {
        cefo_pollutant_result pr;
        cefo_result_pollutant(r, c - 3, &pr);
        snprintf(buf, n, "%s (%s)", pr.id, pr.unit);
        return buf;
    }
    snprintf(buf, n, "%s", cefo_result_variant(r, c - 3 - nk));
    return buf;
}


/* The columns of the tables by area (as area_head names them): activity cost, fixed costs,
 * labour, each pollutant, each variant label (at most MAX_CELLS). */
static size_t area_columns(const cefo_result *r)
{
    size_t n = 3 + cefo_result_count(r, CEFO_POLLUTANT) + cefo_result_variant_count(r);
    return n < MAX_CELLS ? n : MAX_CELLS;
}

void cefo__text_areas(FILE *fp, const cefo_result *r)
{
    size_t ncol = area_columns(r);
    for (int kind = 0; kind < 2; kind++) {
        size_t n = cefo_result_area_count(r, (cefo_area_kind)kind);
        if (!n)
            continue;
        char b[160];
        fprintf(fp, "\n%s\n  %-20s", area_title[kind], area_section[kind]);
        for (size_t c = 0; c < ncol; c++)
            fprintf(fp, " %14.14s", area_head(r, c, b, sizeof b));
        fputc('\n', fp);
        for (size_t i = 0; i < n; i++) {
            double v[MAX_CELLS];
            cefo_area_result a;
            cefo_result_area(r, (cefo_area_kind)kind, i, &a);
            area_cells(r, kind, i, v, MAX_CELLS);
            fprintf(fp, "  %-20s", a.id);
            for (size_t c = 0; c < ncol; c++)
                fprintf(fp, " %14s", cefo__fmt_human(b, v[c]));
            fputc('\n', fp);
        }
    }
}

void cefo__html_areas(FILE *fp, const cefo_result *r)
{
    size_t ncol = area_columns(r);
    for (int kind = 0; kind < 2; kind++) {
        size_t n = cefo_result_area_count(r, (cefo_area_kind)kind);
        if (!n)
            continue;
        char b[160];
        fprintf(fp, "<h2>%s</h2>\n<table><tr><th>%s</th>", area_title[kind], area_section[kind]);
        for (size_t c = 0; c < ncol; c++) {
            fputs("<th>", fp);
            cefo__xml_text(fp, area_head(r, c, b, sizeof b));
            fputs("</th>", fp);
        }
        fputs("</tr>\n", fp);
        for (size_t i = 0; i < n; i++) {
            double v[MAX_CELLS];
            cefo_area_result a;
            cefo_result_area(r, (cefo_area_kind)kind, i, &a);
            area_cells(r, kind, i, v, MAX_CELLS);
            fputs("<tr><td>", fp);
            cefo__xml_text(fp, a.id);
            fputs("</td>", fp);
            for (size_t c = 0; c < ncol; c++)
                fprintf(fp, "<td>%s</td>", cefo__fmt_human(b, v[c]));
            fputs("</tr>\n", fp);
        }
        fputs("</table>\n", fp);
    }
}
