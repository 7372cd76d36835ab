/* footprint_write.c - product footprints as text, JSON and CSV (docs/footprint.md). */
#include <string.h>

#include "core/error.h"
#include "writers/fmt.h"

static const char boundary_note[] =
    "imported materials enter and exported materials leave the cluster: their chains outside "
    "it are not counted";

typedef struct fp_out {
    const cefo_footprint *fp;
    size_t npoll;
    const cefo_result *res;
} fp_out;

/* Name and unit of column e: a pollutant, then virgin import, then labour. */
static const char *column(const fp_out *o, size_t e, const char **unit)
{
    cefo_pollutant_result pr;
    if (e < o->npoll && cefo_result_pollutant(o->res, e, &pr) == CEFO_OK) {
        *unit = pr.unit;
        return pr.id;
    }
    *unit = "";
    return e == o->npoll ? "virgin_import" : "labour";
}

static void json_object(const fp_out *o, FILE *fp, const double *v)
{
    const char *unit;
    fputc('{', fp);
    for (size_t e = 0; e < o->npoll; e++) {
        fputs(e ? ", " : "", fp);
        cefo__json_num(fp, column(o, e, &unit), v[e], 1);
    }
    fputc('}', fp);
}

static void write_json(const void *ctx, FILE *fp)
{
    const fp_out *o = ctx;
    cefo_footprint_row r;
    size_t n = cefo_footprint_count(o->fp);
    fprintf(fp, "{\n  \"allocation\": \"%s\",\n  \"boundary\": ",
            cefo_footprint_allocation(o->fp) == CEFO_ALLOCATION_MASS ? "mass" : "market");
    cefo__json_str(fp, boundary_note);
    fputs(",\n  \"products\": [", fp);
    for (size_t i = 0; i < n; i++) {
        cefo_footprint_product(o->fp, i, &r);
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", fp);
        cefo__json_str(fp, r.id);
        fputs(", \"unit\": ", fp);
        cefo__json_str(fp, r.unit);
        fputs(", ", fp);
        cefo__json_num(fp, "demand", r.demand, 0);
        cefo__json_num(fp, "export", r.export, 0);
        fputs("\"intensity\": ", fp);
        json_object(o, fp, r.intensity);
        fputs(", \"footprint\": ", fp);
        json_object(o, fp, r.footprint);
        fputs(", ", fp);
        cefo__json_num(fp, "virgin_import", r.virgin_import, 0);
        cefo__json_num(fp, "labour", r.labour, 1);
        fputc('}', fp);
    }
    cefo_footprint_totals(o->fp, &r);
    fputs(n ? "\n  ],\n  \"totals\": " : "],\n  \"totals\": ", fp);
    json_object(o, fp, r.footprint);
    fputs(",\n  \"plan_emissions\": ", fp);
    json_object(o, fp, r.intensity);
    fputs(",\n  \"imported_waste\": ", fp);
    json_object(o, fp, r.imported_waste);
    fputs(",\n  ", fp);
    cefo__json_num(fp, "virgin_import", r.virgin_import, 0);
    cefo__json_num(fp, "labour", r.labour, 0);
    cefo__json_num(fp, "conservation_residual", r.residual, 1);
    fputs("\n}\n", fp);
}

static void csv_row(FILE *fp, const char *product, const char *col, const char *quantity,
                    double v, const char *unit)
{
    const char *f[] = {product, col, quantity};
    cefo__csv_line(fp, f, 3, v, unit);
}

static void write_csv(const void *ctx, FILE *fp)
{
    const fp_out *o = ctx;
    cefo_footprint_row r;
    const char *unit;
    fputs("product,column,quantity,value,unit\n", fp);
    for (size_t i = 0; i < cefo_footprint_count(o->fp); i++) {
        cefo_footprint_product(o->fp, i, &r);
        csv_row(fp, r.id, NULL, "demand", r.demand, r.unit);
        csv_row(fp, r.id, NULL, "export", r.export, r.unit);
        for (size_t e = 0; e < o->npoll + 2; e++) {
            const char *c = column(o, e, &unit);
            csv_row(fp, r.id, c, "intensity", r.intensity[e], NULL);
            csv_row(fp, r.id, c, "footprint", r.footprint[e], unit);
        }
    }
    cefo_footprint_totals(o->fp, &r);
    for (size_t e = 0; e < o->npoll + 2; e++) {
        const char *c = column(o, e, &unit);
        csv_row(fp, NULL, c, "total", r.footprint[e], unit);
        csv_row(fp, NULL, c, "plan", r.intensity[e], unit);
        csv_row(fp, NULL, c, "imported_waste", r.imported_waste[e], unit);
    }
}

/* " unit" (nothing when there is none) and the end of the line. */
static void text_unit(FILE *fp, const char *unit)
{
    if (*unit) {
        fputc(' ', fp);
        cefo__text_str(fp, unit);
    }
    fputc('\n', fp);
}

static void write_text(const void *ctx, FILE *fp)
{
    const fp_out *o = ctx;
    cefo_footprint_row r;
    const char *unit;
    char b1[32], b2[32], b3[32];
    size_t n = cefo_footprint_count(o->fp);
    fprintf(fp, "Footprints of %zu final product%s under the plan (co-products allocated by %s)\n"
                "Boundary: %s.\n",
            n, n == 1 ? "" : "s",
            cefo_footprint_allocation(o->fp) == CEFO_ALLOCATION_MASS ? "mass" : "market value",
            boundary_note);
    for (size_t i = 0; i < n; i++) {
        cefo_footprint_product(o->fp, i, &r);
        fputs("\n", fp);
        cefo__text_str(fp, r.id);
        fprintf(fp, ": demand %s, export %s ", cefo__fmt_human(b1, r.demand),
                cefo__fmt_human(b2, r.export));
        cefo__text_str(fp, r.unit);
        fprintf(fp, "\n  %-16s %16s %16s\n", "", "per unit", "footprint");
        for (size_t e = 0; e < o->npoll + 2; e++) {
            const char *c = column(o, e, &unit);
            fputs("  ", fp);
            cefo__text_str(fp, c);
            size_t w = cefo__text_width(c);
            fprintf(fp, "%*s %16s %16s", (int)(w < 16 ? 16 - w : 0), "",
                    cefo__fmt_human(b1, r.intensity[e]), cefo__fmt_human(b2, r.footprint[e]));
            text_unit(fp, unit);
        }
    }
    cefo_footprint_totals(o->fp, &r);
    fprintf(fp, "\nTotals (products%s) against the plan\n",
            " plus the treatment of imported wastes");
    for (size_t e = 0; e < o->npoll + 2; e++) {
        const char *c = column(o, e, &unit);
        fputs("  ", fp);
        cefo__text_str(fp, c);
        size_t w = cefo__text_width(c);
        fprintf(fp, "%*s %16s %16s %16s", (int)(w < 16 ? 16 - w : 0), "",
                cefo__fmt_human(b1, r.footprint[e]), cefo__fmt_human(b2, r.intensity[e]),
                cefo__fmt_human(b3, r.imported_waste[e]));
        text_unit(fp, unit);
    }
    fprintf(fp, "  (columns: footprints, plan, of which imported wastes; largest relative "
                "gap %.3g)\n", r.residual);
}

static const cefo__formats formats = {write_text, write_json, write_csv};

static cefo_status prepare(fp_out *o, const cefo_footprint *fp, cefo_format format,
                           cefo_error *err)
{
    *o = (fp_out){.fp = fp, .npoll = cefo_footprint_pollutants(fp),
                  .res = cefo_footprint_result(fp)};
    if (!fp || !cefo__format_ok(format))
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad arguments to write footprints");
    return CEFO_OK;
}

cefo_status cefo_footprint_write(const cefo_footprint *fp, FILE *out, cefo_format format,
                                 cefo_error *err)
{
    fp_out o;
    cefo_status st = prepare(&o, fp, format, err);
    return st == CEFO_OK ? cefo__write_format(&formats, format, &o, out, NULL, err) : st;
}

/* A NULL path is refused by the output as "" is ("no output path"). */
cefo_status cefo_footprint_write_file(const cefo_footprint *fp, const char *path,
                                      cefo_format format, cefo_error *err)
{
    fp_out o;
    cefo_status st = prepare(&o, fp, format, err);
    return st == CEFO_OK ? cefo__write_format(&formats, format, &o, NULL, path ? path : "", err)
                         : st;
}
