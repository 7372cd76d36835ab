/* result_write.c - a solved plan as text for people, JSON and CSV for tools (docs/results.md). */
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/error.h"
#include "models/result.h"

/* LP noise below this magnitude is written as 0 (GLPK's own tolerances are ~1e-7 relative). */
#define NOISE 1e-9

static double clean(double v)
{
    return fabs(v) < NOISE ? 0.0 : v;
}

/* Shortest of %.15g / %.17g that reads back exactly; `none` for a missing or infinite value. */
static const char *num(char *buf, double v, const char *none)
{
    if (!isfinite(v))
        return none;
    v = clean(v);
    snprintf(buf, 32, "%.15g", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, 32, "%.17g", v);
    return buf;
}

/* About six significant digits without an exponent, for people. */
static const char *human(char *buf, double v)
{
    if (isnan(v))
        return "-";
    if (isinf(v))
        return "none";
    v = clean(v);
    double a = fabs(v);
    if (a != 0 && (a < 1e-4 || a >= 1e15)) {
        snprintf(buf, 32, "%.6g", v);
        return buf;
    }
    int decimals = a == 0 ? 0 : 5 - (int)floor(log10(a));
    decimals = decimals < 0 ? 0 : decimals > 6 ? 6 : decimals;
    snprintf(buf, 32, "%.*f", decimals, v);
    if (strchr(buf, '.')) {
        char *e = buf + strlen(buf) - 1;
        while (*e == '0')
            *e-- = '\0';
        if (*e == '.')
            *e = '\0';
    }
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
    return buf;
}

static void json_str(FILE *fp, const char *s)
{
    fputc('"', fp);
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(fp, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(fp, "\\u%04x", *p);
        else
            fputc(*p, fp);
    }
    fputc('"', fp);
}

static void json_num(FILE *fp, const char *key, double v, int last)
{
    char b[32];
    fprintf(fp, "\"%s\": %s%s", key, num(b, v, "null"), last ? "" : ", ");
}

static void write_json(const cefo_result *r, FILE *fp)
{
    const cefo_network *net = r->net;
    fprintf(fp, "{\n  \"status\": \"%s\",\n  ", cefo_solve_status_name(r->status));
    json_num(fp, "objective", r->objective, 1);
    fprintf(fp, ",\n  \"currency\": ");
    if (net->currency)
        json_str(fp, net->currency);
    else
        fputs("null", fp);
    const cefo_costs *c = &r->costs;
    fprintf(fp, ",\n  \"costs\": {");
    json_num(fp, "process", c->process, 0);
    json_num(fp, "link", c->link, 0);
    json_num(fp, "import", c->import, 0);
    json_num(fp, "discharge", c->discharge, 0);
    json_num(fp, "pollution", c->pollution, 0);
    json_num(fp, "export_revenue", c->export_revenue, 0);
    json_num(fp, "fixed", c->fixed, 0);
    json_num(fp, "total", c->total, 1);
    fprintf(fp, "},\n  \"processes\": [");
    for (size_t i = 0; i < net->nprocesses; i++) {
        fprintf(fp, "%s\n    {\"id\": ", i ? "," : "");
        json_str(fp, net->processes[i].id);
        fprintf(fp, ", \"kind\": \"%s\", ", cefo__process_kind_name(net->processes[i].kind));
        json_num(fp, "activity", r->activity[i], 0);
        json_num(fp, "capacity", isinf(r->capacity[i]) ? NAN : r->capacity[i], 0);
        json_num(fp, "capacity_shadow_price", r->capacity_shadow[i], 1);
        fputc('}', fp);
    }
    fprintf(fp, "%s],\n  \"links\": [", net->nprocesses ? "\n  " : "");
    for (size_t i = 0; i < net->nlinks; i++) {
        const cefo__link *l = &net->links[i];
        fprintf(fp, "%s\n    {\"from\": ", i ? "," : "");
        json_str(fp, net->processes[l->from].id);
        fputs(", \"to\": ", fp);
        json_str(fp, net->processes[l->to].id);
        fputs(", \"material\": ", fp);
        json_str(fp, net->materials[l->material].id);
        fputs(", ", fp);
        json_num(fp, "flow", r->flow[i], 0);
        json_num(fp, "capacity", isinf(l->capacity) ? NAN : l->capacity, 1);
        fputc('}', fp);
    }
    fprintf(fp, "%s],\n  \"materials\": [", net->nlinks ? "\n  " : "");
    for (size_t i = 0; i < net->nmaterials; i++) {
        fprintf(fp, "%s\n    {\"id\": ", i ? "," : "");
        json_str(fp, net->materials[i].id);
        fputs(", \"unit\": ", fp);
        json_str(fp, net->materials[i].unit);
        fprintf(fp, ", \"kind\": \"%s\", ", cefo__material_kind_name(net->materials[i].kind));
        json_num(fp, "import", r->import[i], 0);
        json_num(fp, "export", r->export[i], 0);
        json_num(fp, "discharge", r->discharge[i], 0);
        json_num(fp, "demand", r->demand[i], 0);
        json_num(fp, "shadow_price", r->shadow[i], 1);
        fputc('}', fp);
    }
    fprintf(fp, "%s],\n  \"pollutants\": [", net->nmaterials ? "\n  " : "");
    for (size_t i = 0; i < net->npollutants; i++) {
        fprintf(fp, "%s\n    {\"id\": ", i ? "," : "");
        json_str(fp, net->pollutants[i].id);
        fputs(", \"unit\": ", fp);
        json_str(fp, net->pollutants[i].unit);
        fputs(", ", fp);
        json_num(fp, "emission", r->emission[i], 0);
        json_num(fp, "cap", isinf(r->cap[i]) ? NAN : r->cap[i], 0);
        json_num(fp, "damage_cost", r->damage[i], 0);
        json_num(fp, "shadow_price", r->cap_shadow[i], 1);
        fputc('}', fp);
    }
    const cefo_indicators *ind = &r->indicators;
    fprintf(fp, "%s],\n  \"indicators\": {", net->npollutants ? "\n  " : "");
    json_num(fp, "waste_generated", ind->waste_generated, 0);
    json_num(fp, "waste_reused", ind->waste_reused, 0);
    json_num(fp, "waste_treated", ind->waste_treated, 0);
    json_num(fp, "waste_disposed", ind->waste_disposed, 0);
    json_num(fp, "reuse_rate", ind->reuse_rate, 0);
    json_num(fp, "virgin_import", ind->virgin_import, 0);
    json_num(fp, "labour", ind->labour, 1);
    fprintf(fp, "}\n}\n");
}

/* CSV: one long table, `section,id,from,to,material,quantity,value,unit` (docs/results.md). */
static void csv_field(FILE *fp, const char *s)
{
    if (s && strpbrk(s, ",\"\n\r")) {
        fputc('"', fp);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', fp);
            fputc(*s, fp);
        }
        fputc('"', fp);
    } else if (s) {
        fputs(s, fp);
    }
}

static void csv_row(FILE *fp, const char *section, const char *id, const char *from,
                    const char *to, const char *material, const char *quantity, double v,
                    const char *unit)
{
    char b[32];
    const char *f[] = {section, id, from, to, material, quantity};
    for (int i = 0; i < 6; i++) {
        csv_field(fp, f[i]);
        fputc(',', fp);
    }
    fputs(num(b, v, ""), fp);
    fputc(',', fp);
    csv_field(fp, unit);
    fputc('\n', fp);
}

static void write_csv(const cefo_result *r, FILE *fp)
{
    const cefo_network *net = r->net;
    const char *cur = net->currency;
    fputs("section,id,from,to,material,quantity,value,unit\n", fp);
    fprintf(fp, "status,%s,,,,status,,\n", cefo_solve_status_name(r->status));
    csv_row(fp, "objective", "total", NULL, NULL, NULL, "cost", r->objective, cur);
    const char *cn[] = {"process", "link", "import", "discharge", "pollution", "export_revenue",
                        "fixed", "total"};
    const double cv[] = {r->costs.process, r->costs.link, r->costs.import, r->costs.discharge,
                         r->costs.pollution, r->costs.export_revenue, r->costs.fixed,
                         r->costs.total};
    for (int i = 0; i < 8; i++)
        csv_row(fp, "cost", cn[i], NULL, NULL, NULL, "cost", cv[i], cur);
    for (size_t i = 0; i < net->nprocesses; i++) {
        const char *id = net->processes[i].id;
        csv_row(fp, "process", id, NULL, NULL, NULL, "activity", r->activity[i], NULL);
        csv_row(fp, "process", id, NULL, NULL, NULL, "capacity", r->capacity[i], NULL);
        csv_row(fp, "process", id, NULL, NULL, NULL, "capacity_shadow_price",
                r->capacity_shadow[i], cur);
    }
    for (size_t i = 0; i < net->nlinks; i++) {
        const cefo__link *l = &net->links[i];
        const cefo__material *m = &net->materials[l->material];
        csv_row(fp, "link", NULL, net->processes[l->from].id, net->processes[l->to].id, m->id,
                "flow", r->flow[i], m->unit);
    }
    for (size_t i = 0; i < net->nmaterials; i++) {
        const cefo__material *m = &net->materials[i];
        const char *q[] = {"import", "export", "discharge", "demand"};
        const double v[] = {r->import[i], r->export[i], r->discharge[i], r->demand[i]};
        for (int k = 0; k < 4; k++)
            csv_row(fp, "material", m->id, NULL, NULL, NULL, q[k], v[k], m->unit);
        csv_row(fp, "material", m->id, NULL, NULL, NULL, "shadow_price", r->shadow[i], cur);
    }
    for (size_t i = 0; i < net->npollutants; i++) {
        const cefo__pollutant *k = &net->pollutants[i];
        csv_row(fp, "pollutant", k->id, NULL, NULL, NULL, "emission", r->emission[i], k->unit);
        csv_row(fp, "pollutant", k->id, NULL, NULL, NULL, "cap", r->cap[i], k->unit);
        csv_row(fp, "pollutant", k->id, NULL, NULL, NULL, "shadow_price", r->cap_shadow[i],
                cur);
    }
    const cefo_indicators *ind = &r->indicators;
    const char *in[] = {"waste_generated", "waste_reused", "waste_treated", "waste_disposed",
                        "reuse_rate", "virgin_import", "labour"};
    const double iv[] = {ind->waste_generated, ind->waste_reused, ind->waste_treated,
                         ind->waste_disposed, ind->reuse_rate, ind->virgin_import, ind->labour};
    for (int i = 0; i < 7; i++)
        csv_row(fp, "indicator", in[i], NULL, NULL, NULL, in[i], iv[i], NULL);
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
    const char *cn[] = {"processes", "links", "imports", "discharges", "pollution damage",
                        "export revenue (-)", "fixed costs"};
    const double cv[] = {r->costs.process, r->costs.link, r->costs.import, r->costs.discharge,
                         r->costs.pollution, r->costs.export_revenue, r->costs.fixed};
    fprintf(fp, "\nCosts (%s)\n", cur);
    for (int i = 0; i < 7; i++)
        fprintf(fp, "  %-20s %16s\n", cn[i], human(b, cv[i]));
    fprintf(fp, "  %-20s %16s\n", "total", human(b, r->costs.total));
}

static void text_tables(const cefo_result *r, FILE *fp, const char *cur)
{
    const cefo_network *net = r->net;
    char b1[32], b2[32], b3[32], b4[32], b5[32];
    int w = width_of(net->processes, net->nprocesses, sizeof *net->processes,
                     offsetof(cefo__process, id), 7);
    fprintf(fp, "\nProcesses\n  %-*s %-10s %14s %14s %14s\n", w, "id", "kind", "activity",
            "capacity", "shadow price");
    for (size_t i = 0; i < net->nprocesses; i++)
        fprintf(fp, "  %-*s %-10s %14s %14s %14s\n", w, net->processes[i].id,
                cefo__process_kind_name(net->processes[i].kind), human(b1, r->activity[i]),
                human(b2, r->capacity[i]), human(b3, r->capacity_shadow[i]));
    if (net->nlinks) {
        fprintf(fp, "\nLinks\n  %-*s    %-*s %-16s %14s %14s\n", w, "from", w, "to", "material",
                "flow", "capacity");
        for (size_t i = 0; i < net->nlinks; i++) {
            const cefo__link *l = &net->links[i];
            fprintf(fp, "  %-*s -> %-*s %-16s %14s %14s\n", w, net->processes[l->from].id, w,
                    net->processes[l->to].id, net->materials[l->material].id,
                    human(b1, r->flow[i]), human(b2, l->capacity));
        }
    }
    int wm = width_of(net->materials, net->nmaterials, sizeof *net->materials,
                      offsetof(cefo__material, id), 8);
    fprintf(fp, "\nMaterials\n  %-*s %-8s %12s %12s %12s %12s %14s\n", wm, "id", "unit", "import",
            "export", "discharge", "demand", "shadow price");
    for (size_t i = 0; i < net->nmaterials; i++)
        fprintf(fp, "  %-*s %-8s %12s %12s %12s %12s %14s\n", wm, net->materials[i].id,
                net->materials[i].unit, human(b1, r->import[i]), human(b2, r->export[i]),
                human(b3, r->discharge[i]), human(b4, r->demand[i]), human(b5, r->shadow[i]));
    if (net->npollutants) {
        int wk = width_of(net->pollutants, net->npollutants, sizeof *net->pollutants,
                          offsetof(cefo__pollutant, id), 9);
        fprintf(fp, "\nPollutants\n  %-*s %-8s %12s %12s %14s\n", wk, "id", "unit", "emission",
                "cap", "shadow price");
        for (size_t i = 0; i < net->npollutants; i++)
            fprintf(fp, "  %-*s %-8s %12s %12s %14s\n", wk, net->pollutants[i].id,
                    net->pollutants[i].unit, human(b1, r->emission[i]), human(b2, r->cap[i]),
                    human(b3, r->cap_shadow[i]));
    }
    (void)cur;
}

static void write_text(const cefo_result *r, FILE *fp)
{
    const cefo_network *net = r->net;
    const char *cur = net->currency ? net->currency : "currency units";
    char b[32];
    fprintf(fp, "Plan for %s\nStatus: %s\n", net->file, cefo_solve_status_name(r->status));
    if (r->status != CEFO_SOLVE_OPTIMAL) {
        fprintf(fp, "No optimal plan: the model is %s.\n", cefo_solve_status_name(r->status));
        return;
    }
    fprintf(fp, "Total cost: %s %s\n", human(b, r->objective), cur);
    text_costs(r, fp, cur);
    text_tables(r, fp, cur);
    const cefo_indicators *ind = &r->indicators;
    fprintf(fp, "\nIndicators\n");
    fprintf(fp, "  %-20s %16s\n", "waste generated", human(b, ind->waste_generated));
    fprintf(fp, "  %-20s %16s\n", "waste reused", human(b, ind->waste_reused));
    fprintf(fp, "  %-20s %16s\n", "waste treated", human(b, ind->waste_treated));
    fprintf(fp, "  %-20s %16s\n", "waste disposed", human(b, ind->waste_disposed));
    fprintf(fp, "  %-20s %16s\n", "reuse rate", human(b, ind->reuse_rate));
    fprintf(fp, "  %-20s %16s\n", "virgin import", human(b, ind->virgin_import));
    fprintf(fp, "  %-20s %16s\n", "labour", human(b, ind->labour));
}

cefo_status cefo_result_write(const cefo_result *res, FILE *fp, cefo_format format,
                              cefo_error *err)
{
    if (!res || !fp || format < CEFO_FORMAT_TEXT || format > CEFO_FORMAT_CSV)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad arguments to write a result");
    /* Numbers in the C locale even inside a host that set another one (thread-local switch). */
    locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    locale_t old = c ? uselocale(c) : (locale_t)0;
    if (format == CEFO_FORMAT_JSON)
        write_json(res, fp);
    else if (format == CEFO_FORMAT_CSV)
        write_csv(res, fp);
    else
        write_text(res, fp);
    if (c) {
        uselocale(old);
        freelocale(c);
    }
    if (fflush(fp) != 0 || ferror(fp))
        return cefo__error(err, CEFO_ERR_IO, NULL, 0, NULL, "write failed: %s", strerror(errno));
    return CEFO_OK;
}

cefo_status cefo_result_write_file(const cefo_result *res, const char *path, cefo_format format,
                                   cefo_error *err)
{
    if (!res || !path || !*path)
        return cefo__error(err, CEFO_ERR_ARG, path, 0, NULL, "bad arguments to write a result");
    size_t n = strlen(path);
    char *tmp = cefo__malloc(n + 8);
    if (!tmp)
        return cefo__error(err, CEFO_ERR_NOMEM, path, 0, NULL, "out of memory");
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".XXXXXX", 8);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        cefo_status st = cefo__error(err, CEFO_ERR_CREATE, path, 0, NULL, "cannot create: %s",
                                     strerror(errno));
        cefo__free(tmp);
        return st;
    }
    fchmod(fd, 0644);
    FILE *fp = fdopen(fd, "w");
    cefo_status st = fp ? cefo_result_write(res, fp, format, err)
                        : cefo__error(err, CEFO_ERR_IO, path, 0, NULL, "cannot open stream");
    if (st == CEFO_OK && fsync(fileno(fp)) != 0)
        st = cefo__error(err, CEFO_ERR_IO, path, 0, NULL, "cannot sync: %s", strerror(errno));
    if (fp ? fclose(fp) != 0 : close(fd) != 0)
        st = st ? st : cefo__error(err, CEFO_ERR_IO, path, 0, NULL, "close failed");
    if (st == CEFO_OK && rename(tmp, path) != 0)
        st = cefo__error(err, CEFO_ERR_CREATE, path, 0, NULL, "cannot rename into place: %s",
                         strerror(errno));
    if (st != CEFO_OK)
        unlink(tmp);
    cefo__free(tmp);
    return st;
}
