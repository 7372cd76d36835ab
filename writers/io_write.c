/* io_write.c - Leontief and WIO results as text, JSON and CSV (docs/leontief.md). */
#include <string.h>

#include "core/error.h"
#include "writers/fmt.h"

typedef struct io_out {
    const cefo_io_result *res;
    cefo_io_vectors v;
} io_out;

static void write_json(const void *ctx, FILE *fp)
{
    const io_out *o = ctx;
    const cefo_io_vectors *v = &o->v;
    fputs("{\n  \"sectors\": [", fp);
    for (size_t i = 0; i < v->n; i++) {
        fputs(i ? ", " : "", fp);
        cefo__json_str(fp, v->sectors[i]);
    }
    fputs("],\n  ", fp);
    cefo__json_num(fp, "rcond", v->rcond, 1);
    fputs(",\n  \"final_demand\": ", fp);
    cefo__json_array(fp, v->final_demand, v->n);
    fputs(",\n  \"total_output\": ", fp);
    cefo__json_array(fp, v->total_output, v->n);
    fputs(",\n  \"output_multipliers\": ", fp);
    cefo__json_array(fp, v->output_multipliers, v->n);
    fputs(",\n  \"leontief_inverse\": ", fp);
    if (!v->inverse)
        fputs("null", fp);
    for (size_t i = 0; v->inverse && i < v->n; i++) {
        fputs(i ? ",\n    " : "[\n    ", fp);
        cefo__json_array(fp, v->inverse + i * v->n, v->n);
    }
    fputs(v->inverse ? "\n  ]" : "", fp);
    fputs(",\n  \"extensions\": [", fp);
    for (size_t k = 0; k < cefo_io_result_extensions(o->res); k++) {
        cefo_io_extension e;
        cefo_io_result_extension(o->res, k, &e);
        fprintf(fp, "%s\n    {\"id\": ", k ? "," : "");
        cefo__json_str(fp, e.id);
        fputs(", \"unit\": ", fp);
        cefo__json_str(fp, e.unit);
        fputs(", ", fp);
        cefo__json_num(fp, "total", e.total, 0);
        fputs("\n     \"direct_intensity\": ", fp);
        cefo__json_array(fp, e.direct_intensity, v->n);
        fputs(",\n     \"total_intensity\": ", fp);
        cefo__json_array(fp, e.total_intensity, v->n);
        fputs(",\n     \"footprint\": ", fp);
        cefo__json_array(fp, e.footprint, v->n);
        fputc('}', fp);
    }
    fputs(cefo_io_result_extensions(o->res) ? "\n  ]\n}\n" : "]\n}\n", fp);
}

static void csv_row(FILE *fp, const char *section, const char *sector, const char *column,
                    const char *quantity, double value, const char *unit)
{
    const char *f[] = {section, sector, column, quantity};
    cefo__csv_line(fp, f, 4, value, unit);
}

static void write_csv(const void *ctx, FILE *fp)
{
    const io_out *o = ctx;
    const cefo_io_vectors *v = &o->v;
    fputs("section,sector,column,quantity,value,unit\n", fp);
    csv_row(fp, "table", NULL, NULL, "rcond", v->rcond, NULL);
    for (size_t i = 0; i < v->n; i++) {
        csv_row(fp, "sector", v->sectors[i], NULL, "final_demand", v->final_demand[i], NULL);
        csv_row(fp, "sector", v->sectors[i], NULL, "total_output", v->total_output[i], NULL);
        csv_row(fp, "sector", v->sectors[i], NULL, "output_multiplier",
                v->output_multipliers[i], NULL);
    }
    for (size_t k = 0; k < cefo_io_result_extensions(o->res); k++) {
        cefo_io_extension e;
        cefo_io_result_extension(o->res, k, &e);
        csv_row(fp, "extension", NULL, e.id, "total", e.total, e.unit);
        for (size_t i = 0; i < v->n; i++) {
            csv_row(fp, "extension", v->sectors[i], e.id, "direct_intensity",
                    e.direct_intensity[i], NULL);
            csv_row(fp, "extension", v->sectors[i], e.id, "total_intensity",
                    e.total_intensity[i], NULL);
            csv_row(fp, "extension", v->sectors[i], e.id, "footprint", e.footprint[i], e.unit);
        }
    }
    for (size_t i = 0; v->inverse && i < v->n; i++)
        for (size_t j = 0; j < v->n; j++)
            csv_row(fp, "inverse", v->sectors[i], v->sectors[j], "leontief_inverse",
                    v->inverse[i * v->n + j], NULL);
}

static int id_width(const cefo_io_vectors *v)
{
    int w = 6;
    for (size_t i = 0; i < v->n; i++)
        w = (int)strlen(v->sectors[i]) > w ? (int)strlen(v->sectors[i]) : w;
    return w > 40 ? 40 : w;
}

static void write_text(const void *ctx, FILE *fp)
{
    const io_out *o = ctx;
    const cefo_io_vectors *v = &o->v;
    char b1[32], b2[32], b3[32];
    int w = id_width(v);
    fprintf(fp, "Leontief analysis: %zu sectors, reciprocal condition number of I - A %.3g\n\n",
            v->n, v->rcond);
    fprintf(fp, "  %-*s %16s %16s %12s\n", w, "sector", "final demand", "total output",
            "multiplier");
    for (size_t i = 0; i < v->n; i++)
        fprintf(fp, "  %-*s %16s %16s %12s\n", w, v->sectors[i],
                cefo__fmt_human(b1, v->final_demand[i]), cefo__fmt_human(b2, v->total_output[i]),
                cefo__fmt_human(b3, v->output_multipliers[i]));
    for (size_t k = 0; k < cefo_io_result_extensions(o->res); k++) {
        cefo_io_extension e;
        cefo_io_result_extension(o->res, k, &e);
        fprintf(fp, "\n%s (%s): footprint of final demand %s\n", e.id, e.unit,
                cefo__fmt_human(b1, e.total));
        fprintf(fp, "  %-*s %16s %16s %16s\n", w, "sector", "direct/output", "total/demand",
                "footprint");
        for (size_t i = 0; i < v->n; i++)
            fprintf(fp, "  %-*s %16s %16s %16s\n", w, v->sectors[i],
                    cefo__fmt_human(b1, e.direct_intensity[i]),
                    cefo__fmt_human(b2, e.total_intensity[i]),
                    cefo__fmt_human(b3, e.footprint[i]));
    }
    if (v->inverse) {
        fprintf(fp, "\nLeontief inverse (row: sector supplying, column: final demand of)\n");
        for (size_t i = 0; i < v->n; i++) {
            fprintf(fp, "  %-*s", w, v->sectors[i]);
            for (size_t j = 0; j < v->n; j++)
                fprintf(fp, " %12s", cefo__fmt_human(b1, v->inverse[i * v->n + j]));
            fputc('\n', fp);
        }
    }
}

static const cefo__formats formats = {write_text, write_json, write_csv};

static cefo_status prepare(io_out *o, const cefo_io_result *res, cefo_format format,
                           cefo_error *err)
{
    o->res = res;
    if (!res || !cefo__format_ok(format) || cefo_io_result_vectors(res, &o->v) != CEFO_OK)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad arguments to write a result");
    return CEFO_OK;
}

cefo_status cefo_io_result_write(const cefo_io_result *res, FILE *fp, cefo_format format,
                                 cefo_error *err)
{
    io_out o;
    cefo_status st = prepare(&o, res, format, err);
    return st == CEFO_OK ? cefo__write_format(&formats, format, &o, fp, NULL, err) : st;
}

/* A NULL path is refused by the output as "" is ("no output path"). */
cefo_status cefo_io_result_write_file(const cefo_io_result *res, const char *path,
                                      cefo_format format, cefo_error *err)
{
    io_out o;
    cefo_status st = prepare(&o, res, format, err);
    return st == CEFO_OK ? cefo__write_format(&formats, format, &o, NULL, path ? path : "", err)
                         : st;
}
