/* compare_write.c - what-if results side by side, with the largest changes against a base.
 * Reads the results and their networks through the public API. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "core/strmap.h"
#include "writers/fmt.h"
#include "writers/report.h"

#define TOP_CHANGES 5

typedef struct change {
    const char *kind; /* "process" or "link" */
    const char *id;   /* process id, or "from->to:material" */
    double base, value;
} change;

typedef struct compare {
    const cefo_result *const *r;
    const char *const *labels;
    size_t n;
    cefo_format format;
    change (*top)[TOP_CHANGES]; /* per result: its largest changes against r[0] */
    size_t *ntop;
    char **link_names;          /* "from->to:material" of every link of every result, once */
    size_t nlink_names;
    cefo__strmap names;         /* link_names[i] -> i */
    size_t *base_ids;           /* name index of every link of r[0] */
    double *base_flow, *run_flow; /* per name index: summed flows of r[0], of the run */
    unsigned char *seen;        /* per name index: 1 once offered for the run */
} compare;

static double nz(double v)
{
    return isnan(v) ? 0.0 : v;
}

/* Keeps the TOP_CHANGES largest |value - base| in t (sorted, largest first). */
static void offer(change *t, size_t *n, change c)
{
    double d = fabs(nz(c.value) - nz(c.base));
    if (d < 1e-9)
        return;
    size_t i = *n < TOP_CHANGES ? (*n)++ : TOP_CHANGES;
    while (i > 0 && fabs(nz(t[i - 1].value) - nz(t[i - 1].base)) < d) {
        if (i < TOP_CHANGES)
            t[i] = t[i - 1];
        i--;
    }
    if (i < TOP_CHANGES)
        t[i] = c;
}

/* The index of the name "from->to:material" of link l of r in cmp->link_names, added when
   new; or (size_t)-1 when out of memory. A hash lookup, so matching the links of n plans is
   linear. */
static size_t link_name(compare *cmp, const cefo_result *r, size_t l)
{
    cefo_link_result ln;
    cefo_result_link(r, l, &ln);
    const char *from = ln.from, *to = ln.to, *mat = ln.material;
    size_t len = strlen(from) + strlen(to) + strlen(mat) + 4;
    char *name = cefo__malloc(len);
    if (!name)
        return (size_t)-1;
    snprintf(name, len, "%s->%s:%s", from, to, mat);
    size_t i;
    if (cefo__strmap_get(&cmp->names, name, &i)) {
        cefo__free(name);
        return i;
    }
    char **grown = cefo__realloc_array(cmp->link_names, cmp->nlink_names + 1, sizeof *grown);
    if (!grown || cefo__strmap_put(&cmp->names, name, cmp->nlink_names) != 0) {
        cmp->link_names = grown ? grown : cmp->link_names;
        cefo__free(name);
        return (size_t)-1;
    }
    cmp->link_names = grown;
    cmp->link_names[cmp->nlink_names] = name;
    return cmp->nlink_names++;
}

/* Grows the per-name arrays to cover every name known so far (new entries 0). */
static int cover_names(compare *cmp, size_t *have)
{
    size_t n = cmp->nlink_names;
    if (n <= *have)
        return 0;
    double *bf = cefo__realloc_array(cmp->base_flow, n, sizeof *bf);
    if (bf)
        cmp->base_flow = bf;
    double *rf = cefo__realloc_array(cmp->run_flow, n, sizeof *rf);
    if (rf)
        cmp->run_flow = rf;
    unsigned char *seen = cefo__realloc_array(cmp->seen, n, sizeof *seen);
    if (seen)
        cmp->seen = seen;
    if (!bf || !rf || !seen)
        return -1;
    for (size_t i = *have; i < n; i++) {
        bf[i] = rf[i] = 0;
        seen[i] = 0;
    }
    *have = n;
    return 0;
}

static double activity(const cefo_result *r, size_t p)
{
    cefo_process_result row;
    return cefo_result_process(r, p, &row) == CEFO_OK ? row.activity : NAN;
}

static double link_flow(const cefo_result *r, size_t l)
{
    cefo_link_result row;
    return cefo_result_link(r, l, &row) == CEFO_OK ? row.flow : NAN;
}

/* Changes of result k against result 0: processes matched by id, links by from, to and
   material (flows of links with the same three summed), missing = 0. */
static int find_changes(compare *cmp, size_t k)
{
    const cefo_result *b = cmp->r[0], *r = cmp->r[k];
    const cefo_network *bnet = cefo_result_network(b), *rnet = cefo_result_network(r);
    size_t bnl = cefo_result_count(b, CEFO_LINK), rnl = cefo_result_count(r, CEFO_LINK);
    change *t = cmp->top[k];
    size_t *n = &cmp->ntop[k];
    for (size_t p = 0; p < cefo_result_count(r, CEFO_PROCESS); p++) {
        size_t q;
        const char *id = cefo_network_id(rnet, CEFO_PROCESS, p);
        int in_base = cefo_network_find(bnet, CEFO_PROCESS, id, &q) == 0;
        offer(t, n, (change){"process", id, in_base ? activity(b, q) : 0, activity(r, p)});
    }
    for (size_t q = 0; q < cefo_result_count(b, CEFO_PROCESS); q++) {
        size_t p;
        const char *id = cefo_network_id(bnet, CEFO_PROCESS, q);
        if (cefo_network_find(rnet, CEFO_PROCESS, id, &p) != 0)
            offer(t, n, (change){"process", id, activity(b, q), 0});
    }
    size_t have = 0;
    if (!cmp->base_ids) { /* r[0]'s names, once for every run */
        cmp->base_ids = cefo__calloc(bnl + 1, sizeof *cmp->base_ids);
        if (!cmp->base_ids)
            return -1;
        for (size_t m = 0; m < bnl; m++)
            if ((cmp->base_ids[m] = link_name(cmp, b, m)) == (size_t)-1)
                return -1;
    }
    size_t *ids = cefo__calloc(rnl + 1, sizeof *ids);
    if (!ids)
        return -1;
    int rc = 0;
    for (size_t l = 0; l < rnl && rc == 0; l++)
        rc = (ids[l] = link_name(cmp, r, l)) == (size_t)-1 ? -1 : 0;
    if (rc == 0)
        rc = cover_names(cmp, &have);
    if (rc == 0 && have > 0) { /* (cover_names zeroed every entry) */
        for (size_t m = 0; m < bnl; m++)
            cmp->base_flow[cmp->base_ids[m]] += link_flow(b, m);
        for (size_t l = 0; l < rnl; l++)
            cmp->run_flow[ids[l]] += link_flow(r, l);
        /* The run's links in its order, then the base's links the run does not have. */
        for (size_t pass = 0; pass < 2; pass++) {
            size_t nl = pass ? bnl : rnl;
            for (size_t l = 0; l < nl; l++) {
                size_t i = pass ? cmp->base_ids[l] : ids[l];
                if (cmp->seen[i])
                    continue;
                cmp->seen[i] = 1;
                offer(t, n, (change){"link", cmp->link_names[i], cmp->base_flow[i],
                                     cmp->run_flow[i]});
            }
        }
    }
    cefo__free(ids);
    return rc;
}

static void json_run(const compare *cmp, size_t k, FILE *fp)
{
    const cefo_result *r = cmp->r[k];
    char b[32];
    fprintf(fp, "%s\n    {\"label\": ", k ? "," : "");
    cefo__json_str(fp, cmp->labels[k]);
    fputs(", \"name\": ", fp);
    cefo__json_str_or_null(fp, cefo_network_scenario_name(cefo_result_network(r)));
    fprintf(fp, ", \"status\": \"%s\", \"objective\": %s,\n     \"costs\": ",
            cefo_solve_status_name(cefo_result_status(r)),
            cefo__fmt_num(b, cefo_result_objective(r), "null"));
    cefo__json_costs(fp, r);
    fputs(",\n     \"pollutants\": [", fp);
    for (size_t i = 0; i < cefo_result_count(r, CEFO_POLLUTANT); i++) {
        cefo_pollutant_result pl;
        cefo_result_pollutant(r, i, &pl);
        fputs(i ? ", {\"id\": " : "{\"id\": ", fp);
        cefo__json_str(fp, pl.id);
        fputs(", ", fp);
        cefo__json_num(fp, "emission", pl.emission, 0);
        cefo__json_num(fp, "cap", isinf(pl.cap) ? NAN : pl.cap, 0);
        cefo__json_num(fp, "shadow_price", pl.shadow_price, 1);
        fputc('}', fp);
    }
    fputs("],\n     \"indicators\": ", fp);
    cefo__json_indicators(fp, r);
    fputs(",\n     \"changes\": [", fp);
    for (size_t i = 0; i < cmp->ntop[k]; i++) {
        const change *c = &cmp->top[k][i];
        fprintf(fp, "%s{\"kind\": \"%s\", \"id\": ", i ? ", " : "", c->kind);
        cefo__json_str(fp, c->id);
        fputs(", ", fp);
        cefo__json_num(fp, "base", c->base, 0);
        cefo__json_num(fp, "value", c->value, 1);
        fputc('}', fp);
    }
    fputs("]}", fp);
}

static void csv_line(FILE *fp, const char *label, const char *section, const char *id,
                     const char *quantity, double v, const char *unit)
{
    const char *f[] = {label, section, id, quantity};
    cefo__csv_line(fp, f, 4, v, unit);
}

static const char *currency(const cefo_result *r)
{
    const char *cur = cefo_network_currency(cefo_result_network(r));
    return cur ? cur : "";
}

static void write_csv(const compare *cmp, FILE *fp)
{
    fputs("label,section,id,quantity,value,unit\n", fp);
    for (size_t k = 0; k < cmp->n; k++) {
        const cefo_result *r = cmp->r[k];
        const char *l = cmp->labels[k], *name = cefo_network_scenario_name(cefo_result_network(r));
        if (name) {
            cefo__csv_field(fp, l);
            fputs(",scenario,", fp);
            cefo__csv_field(fp, name);
            fputs(",name,,\n", fp);
        }
        cefo__csv_field(fp, l);
        fprintf(fp, ",status,,%s,,\n", cefo_solve_status_name(cefo_result_status(r)));
        csv_line(fp, l, "objective", "total", "cost", cefo_result_objective(r), currency(r));
        for (size_t i = 0; i + 1 < cefo_result_cost_count(r); i++) { /* the total: objective */
            cefo_cost_term t;
            cefo_result_cost_term(r, i, &t);
            csv_line(fp, l, "cost", t.key, "cost", t.value, currency(r));
        }
        for (size_t i = 0; i < cefo_result_count(r, CEFO_POLLUTANT); i++) {
            cefo_pollutant_result pl;
            cefo_result_pollutant(r, i, &pl);
            csv_line(fp, l, "pollutant", pl.id, "emission", pl.emission, pl.unit);
            csv_line(fp, l, "pollutant", pl.id, "cap", pl.cap, pl.unit);
        }
        for (size_t i = 0; i < cefo_result_indicator_count(r); i++) {
            cefo_indicator_row row;
            char u[CEFO__UNIT_MAX];
            cefo_result_indicator(r, i, &row);
            csv_line(fp, l, "indicator", row.key, row.key, row.value,
                     cefo__indicator_unit(u, &row));
        }
        for (size_t i = 0; i < cmp->ntop[k]; i++) {
            const change *ch = &cmp->top[k][i];
            csv_line(fp, l, ch->kind, ch->id, "base", ch->base, NULL);
            csv_line(fp, l, ch->kind, ch->id, "value", ch->value, NULL);
        }
    }
}

/* `s` in a column of `w` characters: right-aligned (after a space), or left-aligned. */
static void cell(FILE *fp, const char *s, size_t w, int left)
{
    size_t n = cefo__text_width(s);
    if (left)
        cefo__text_str(fp, s);
    fprintf(fp, "%*s", (int)(left ? 0 : 1) + (int)(w > n ? w - n : 0), "");
    if (!left)
        cefo__text_str(fp, s);
}

typedef struct text_cols {
    size_t name, run; /* the row names' column, and every run's */
} text_cols;

/* A row of values, one per run: `value(r, key, unit)` (NAN where a run has none). */
typedef double (*value_of)(const cefo_result *r, const char *key, const char *unit);

static void text_row(const compare *cmp, const text_cols *c, FILE *fp, const char *name,
                     value_of value, const char *key, const char *unit)
{
    char b[32];
    cell(fp, name, c->name, 1);
    for (size_t k = 0; k < cmp->n; k++)
        cell(fp, cefo__fmt_human(b, value(cmp->r[k], key, unit)), c->run, 0);
    fputc('\n', fp);
}

static double cost_value(const cefo_result *r, const char *key, const char *unit)
{
    (void)unit;
    for (size_t i = 0; i < cefo_result_cost_count(r); i++) {
        cefo_cost_term t;
        cefo_result_cost_term(r, i, &t);
        if (strcmp(t.key, key) == 0)
            return t.value;
    }
    return NAN;
}

/* The name of a pollutant's row: "COD emission/cap (t)" (its id and unit whole). */
static char *pollutant_name(const cefo_pollutant_result *pl)
{
    size_t len = strlen(pl->id) + strlen(pl->unit) + 24;
    char *name = cefo__malloc(len);
    if (name)
        snprintf(name, len, "%s emission/cap (%s)", pl->id, pl->unit);
    return name;
}

static size_t widest(size_t w, const char *s)
{
    size_t n = s ? cefo__text_width(s) : 0;
    return n > w ? n : w;
}

/* Wide enough for every label and row name, whole: cut, two labels could print alike. */
static text_cols text_widths(const compare *cmp)
{
    text_cols c = {24, 16};
    for (size_t k = 0; k < cmp->n; k++)
        c.run = widest(c.run, cmp->labels[k]);
    const cefo_result *r0 = cmp->r[0];
    for (size_t i = 0; i < cefo_result_count(r0, CEFO_POLLUTANT); i++) {
        cefo_pollutant_result pl;
        cefo_result_pollutant(r0, i, &pl);
        char *name = pollutant_name(&pl);
        c.name = widest(c.name, name);
        cefo__free(name);
    }
    for (size_t i = 0; i < cefo_result_indicator_count(r0); i++) {
        cefo_indicator_row row;
        char name[CEFO__UNIT_MAX];
        cefo_result_indicator(r0, i, &row);
        c.name = widest(c.name, cefo__indicator_name(name, &row, 0));
    }
    /* "total cost (CURRENCY)" */
    size_t total = 13 + cefo__text_width(cefo__currency(cefo_result_network(r0)));
    c.name = total > c.name ? total : c.name;
    return c;
}

static void text_pollutant(const compare *cmp, const text_cols *c, FILE *fp,
                           const cefo_pollutant_result *pl)
{
    char b[32], b2[32];
    const char *id = pl->id;
    char *name = pollutant_name(pl);
    cell(fp, name ? name : id, c->name, 1);
    cefo__free(name);
    for (size_t k = 0; k < cmp->n; k++) {
        size_t j;
        const cefo_result *r = cmp->r[k];
        cefo_pollutant_result p;
        if (cefo_network_find(cefo_result_network(r), CEFO_POLLUTANT, id, &j) != 0
            || cefo_result_pollutant(r, j, &p) != CEFO_OK) {
            cell(fp, "-", c->run, 0);
            continue;
        }
        char v[64];
        snprintf(v, sizeof v, "%s/%s", cefo__fmt_human(b, p.emission),
                 cefo__fmt_human(b2, p.cap));
        cell(fp, v, c->run, 0);
    }
    fputc('\n', fp);
}

/* The scenarios' names beside their ids, for those that have one of their own. */
static void text_names(const compare *cmp, FILE *fp)
{
    size_t w = 0;
    for (size_t k = 1; k < cmp->n; k++) {
        const char *name = cefo_network_scenario_name(cefo_result_network(cmp->r[k]));
        if (name && strcmp(name, cmp->labels[k]) != 0 && cefo__text_width(cmp->labels[k]) > w)
            w = cefo__text_width(cmp->labels[k]);
    }
    if (!w)
        return;
    fputs("Scenarios\n", fp);
    for (size_t k = 1; k < cmp->n; k++) {
        const char *name = cefo_network_scenario_name(cefo_result_network(cmp->r[k]));
        if (!name || strcmp(name, cmp->labels[k]) == 0)
            continue;
        fputs("  ", fp);
        cell(fp, cmp->labels[k], w, 1);
        fputc(' ', fp);
        cefo__text_str(fp, name);
        fputc('\n', fp);
    }
    fputc('\n', fp);
}

static void write_text(const compare *cmp, FILE *fp)
{
    char b[32], b2[32];
    text_cols c = text_widths(cmp);
    text_names(cmp, fp);
    cell(fp, "", c.name, 1);
    for (size_t k = 0; k < cmp->n; k++)
        cell(fp, cmp->labels[k], c.run, 0);
    fputc('\n', fp);
    cell(fp, "status", c.name, 1);
    for (size_t k = 0; k < cmp->n; k++)
        cell(fp, cefo_solve_status_name(cefo_result_status(cmp->r[k])), c.run, 0);
    fputc('\n', fp);
    char total[96];
    snprintf(total, sizeof total, "total cost (%.80s)",
             cefo__currency(cefo_result_network(cmp->r[0])));
    cell(fp, total, c.name, 1);
    for (size_t k = 0; k < cmp->n; k++)
        cell(fp, cefo__fmt_human(b, cefo_result_objective(cmp->r[k])), c.run, 0);
    fputc('\n', fp);
    const cefo_result *r0 = cmp->r[0];
    for (size_t i = 0; i + 1 < cefo_result_cost_count(r0); i++) {
        cefo_cost_term t;
        char name[96];
        cefo_result_cost_term(r0, i, &t);
        snprintf(name, sizeof name, "  %s", t.label);
        text_row(cmp, &c, fp, name, cost_value, t.key, NULL);
    }
    for (size_t i = 0; i < cefo_result_count(r0, CEFO_POLLUTANT); i++) {
        cefo_pollutant_result pl;
        cefo_result_pollutant(r0, i, &pl);
        text_pollutant(cmp, &c, fp, &pl);
    }
    cefo__ind_iter it = {0};
    cefo_indicator_row row;
    while (cefo__indicator_next(r0, &it, &row)) {
        char name[CEFO__UNIT_MAX];
        text_row(cmp, &c, fp, cefo__indicator_name(name, &row, 0), cefo__indicator_shown,
                 row.key, row.unit);
    }
    for (size_t k = 1; k < cmp->n; k++) {
        if (!cmp->ntop[k])
            continue;
        fputs("\nLargest changes in ", fp);
        cefo__text_str(fp, cmp->labels[k]);
        fputs(" against ", fp);
        cefo__text_str(fp, cmp->labels[0]);
        fputs(" (activities in units of activity, link flows in their material's unit):\n", fp);
        for (size_t i = 0; i < cmp->ntop[k]; i++) {
            const change *ch = &cmp->top[k][i];
            fprintf(fp, "  %-7s %-40s %14s -> %-14s\n", ch->kind, ch->id,
                    cefo__fmt_human(b, ch->base), cefo__fmt_human(b2, ch->value));
        }
    }
}

static void write_compare(const void *ctx, FILE *fp)
{
    const compare *cmp = ctx;
    if (cmp->format == CEFO_FORMAT_CSV) {
        write_csv(cmp, fp);
        return;
    }
    if (cmp->format == CEFO_FORMAT_TEXT) {
        write_text(cmp, fp);
        return;
    }
    fputs("{\n  \"base\": ", fp);
    cefo__json_str(fp, cmp->labels[0]);
    fputs(",\n  \"runs\": [", fp);
    for (size_t k = 0; k < cmp->n; k++)
        json_run(cmp, k, fp);
    fputs("\n  ]\n}\n", fp);
}

static void compare_free(compare *cmp)
{
    for (size_t i = 0; i < cmp->nlink_names; i++)
        cefo__free(cmp->link_names[i]);
    cefo__free(cmp->link_names);
    cefo__strmap_free(&cmp->names);
    cefo__free(cmp->base_ids);
    cefo__free(cmp->base_flow);
    cefo__free(cmp->run_flow);
    cefo__free(cmp->seen);
    cefo__free(cmp->top);
    cefo__free(cmp->ntop);
}

static cefo_status prepare(compare *cmp, const cefo_result *const *r, const char *const *labels,
                           size_t n, cefo_format format, cefo_error *err)
{
    *cmp = (compare){.r = r, .labels = labels, .n = n, .format = format};
    if (!r || !labels || n == 0 || format < CEFO_FORMAT_TEXT || format > CEFO_FORMAT_CSV)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "nothing to compare");
    for (size_t k = 0; k < n; k++)
        if (!r[k] || !labels[k])
            return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "result %zu is missing", k);
    cmp->top = cefo__calloc(n, sizeof *cmp->top);
    cmp->ntop = cefo__calloc(n, sizeof *cmp->ntop);
    int bad = !cmp->top || !cmp->ntop;
    for (size_t k = 1; k < n && !bad; k++) /* changes only between two plans */
        if (!isnan(cefo_result_objective(r[0])) && !isnan(cefo_result_objective(r[k])))
            bad = find_changes(cmp, k) != 0;
    if (bad) {
        compare_free(cmp);
        return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    }
    return CEFO_OK;
}

cefo_status cefo_results_compare(const cefo_result *const *results, const char *const *labels,
                                 size_t n, FILE *fp, cefo_format format, cefo_error *err)
{
    compare cmp;
    cefo_status st = fp ? prepare(&cmp, results, labels, n, format, err)
                        : cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "no stream");
    if (st != CEFO_OK)
        return st;
    st = cefo__write_stream(write_compare, &cmp, fp, err);
    compare_free(&cmp);
    return st;
}

cefo_status cefo_results_compare_file(const cefo_result *const *results,
                                      const char *const *labels, size_t n, const char *path,
                                      cefo_format format, cefo_error *err)
{
    compare cmp;
    cefo_status st = path && *path ? prepare(&cmp, results, labels, n, format, err)
                                   : cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "no path");
    if (st != CEFO_OK)
        return st;
    st = cefo__write_atomic(write_compare, &cmp, path, err);
    compare_free(&cmp);
    return st;
}
