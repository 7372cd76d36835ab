/* cmd_pareto.c - `cefo pareto FILE --pollutant ID --points N`: cost against one pollutant. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static int cmd_pareto(int argc, char **argv);

enum { OPT_POLLUTANT = 1, OPT_POINTS };
static const cli_option options[] = {
    {OPT_POLLUTANT, 'p', "pollutant", "ID", "the pollutant", NULL, 0},
    {OPT_POINTS, 'n', "points", "N", "number of points (>= 1, default 11)", NULL, 0},
    {0},
};

const cli_spec spec_pareto = {
    .name = "pareto",
    .summary = "the frontier of total cost against one pollutant's total",
    .operands = "FILE --pollutant ID",
    .min_operands = 1,
    .max_operands = 1,
    .operands_error = "expects FILE and --pollutant ID",
    .about = "The frontier of total cost against the total of one pollutant (epsilon-\n"
             "constraint): from the least-cost plan's emission down to the least emission any\n"
             "plan can reach, N caps evenly apart, each solved for least cost in place. CSV and\n"
             "JSON have the fields point, cap, emission, objective, status.",
    .common = CLI_O_TABLE | CLI_O_SOURCE | CLI_O_ENGINE,
    .opts = options,
    .exits = "Exit: 0 done; 1 no least-cost plan to start from (the diagnosis on stderr) or some\n"
             "point without an optimal plan; 64 usage; 65 invalid input; 66 no FILE; 73 cannot\n"
             "create OUT.",
    .run = cmd_pareto,
};

static int print_points(FILE *fp, const cefo_pareto_point *pt, long n, cefo_format format,
                        const char *unit)
{
    char b1[40], b2[40], b3[40];
    int all_optimal = 1;
    if (format == CEFO_FORMAT_CSV)
        fputs("point,cap,emission,objective,status\n", fp);
    else if (format == CEFO_FORMAT_JSON)
        fputs("{\"unit\": ", fp), cli_json_string(fp, unit), fputs(", \"points\": [", fp);
    else
        fprintf(fp, "%6s %16s %16s %18s  %s\n", "point", "cap", "emission", "total cost",
                "status");
    for (long i = 0; i < n; i++) {
        cli_number(b1, sizeof b1, pt[i].cap);
        cli_number(b2, sizeof b2, pt[i].emission);
        cli_number(b3, sizeof b3, pt[i].objective);
        const char *status = cefo_solve_status_name(pt[i].status);
        all_optimal &= cli_plan_found(pt[i].status);
        if (format == CEFO_FORMAT_CSV)
            fprintf(fp, "%ld,%s,%s,%s,%s\n", i, b1, b2, b3, status);
        else if (format == CEFO_FORMAT_JSON)
            fprintf(fp, "%s\n  {\"point\": %ld, \"cap\": %s, \"emission\": %s, \"objective\": "
                    "%s, \"status\": \"%s\"}", i ? "," : "", i, *b1 ? b1 : "null",
                    *b2 ? b2 : "null", *b3 ? b3 : "null", status);
        else
            fprintf(fp, "%6ld %16.10g %16.10g %18.12g  %s\n", i, pt[i].cap, pt[i].emission,
                    pt[i].objective, status);
    }
    if (format == CEFO_FORMAT_JSON)
        fputs("\n]}\n", fp);
    else if (format != CEFO_FORMAT_CSV)
        fprintf(fp, "(emission in %s; total cost includes every damage cost)\n", unit);
    return all_optimal ? 0 : EXIT_NOT_OPTIMAL;
}

/* When the model has no least-cost plan: says so on stderr with the diagnosis, returns 1. */
static int no_plan(const cefo_result *res, const char *path)
{
    cefo_solve_status status = cefo_result_status(res);
    if (cli_plan_found(status))
        return 0;
    fprintf(stderr, "%s: no least-cost plan to start the frontier from: %s\n", path,
            cefo_solve_status_words(status));
    for (size_t i = 0; i < cefo_result_diagnosis_count(res); i++) {
        cefo_diagnosis_item d;
        if (cefo_result_diagnosis(res, i, &d) == CEFO_OK)
            fprintf(stderr, "  - %s\n", d.message);
    }
    return 1;
}

static const char *pollutant_id(const void *net, size_t i)
{
    return cefo_network_id(net, CEFO_POLLUTANT, i);
}

static int no_pollutant(const cefo_network *net, const char *id, const char *path)
{
    const char *near = cli_nearest(id, pollutant_id, net, cefo_network_count(net, CEFO_POLLUTANT));
    if (near)
        return cli_usage_error("pareto", "no pollutant '%s' in %s; did you mean '%s'?", id, path,
                               near);
    return cli_usage_error("pareto", "no pollutant '%s' in %s", id, path);
}

typedef struct pareto_args {
    const char *pollutant;
    long n;
} pareto_args;

static int own_option(void *ctx, cli_args *a, int id, char *arg)
{
    pareto_args *p = ctx;
    (void)a;
    if (id == OPT_POLLUTANT)
        p->pollutant = arg;
    else
        return cli_count_arg("pareto", "--points", arg, 1, 100000, &p->n);
    return 0;
}

/* The frontier from the least-cost plan `res`, written; 0, 1 or an error in *st. */
static int frontier(cefo_problem *prob, size_t k, const cefo_result *res, const cli_args *a,
                    long n, cefo_status *st, cefo_error *err)
{
    cefo_pareto_point *pt = calloc((size_t)n, sizeof *pt);
    cefo_options opt = cli_options(&a->src);
    cefo_pollutant_result row = {.unit = ""};
    cli_out o;
    int rc = 0;
    if (!pt)
        return EXIT_SOFTWARE;
    cefo_result_pollutant(res, k, &row);
    *st = cefo_problem_pareto(prob, k, (size_t)n, &opt, pt, err);
    if (*st == CEFO_OK)
        *st = cli_out_open(&o, a->out, 1, err);
    if (*st == CEFO_OK) {
        rc = print_points(o.fp, pt, n, a->format, row.unit);
        *st = cli_out_close(&o, CEFO_OK, err);
    }
    free(pt);
    return rc;
}

static int cmd_pareto(int argc, char **argv)
{
    pareto_args p = {NULL, 11};
    cli_args a;
    int rc = cli_parse(&spec_pareto, argc, argv, &a, own_option, &p);
    if (rc == 0 && !p.pollutant)
        rc = cli_usage_error("pareto", "expects FILE and --pollutant ID");
    if (rc != 0) {
        cli_args_free(&a);
        return rc == CLI_HELP ? 0 : rc;
    }
    const char *path = a.operand[0];
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    cefo_error err = {0};
    size_t k = 0;
    cefo_options opt = cli_options(&a.src);
    cefo_status st = cli_load_network(&a.src, path, &net, &err);
    if (st == CEFO_OK && cefo_network_find(net, CEFO_POLLUTANT, p.pollutant, &k) != CEFO_OK)
        rc = no_pollutant(net, p.pollutant, path);
    if (rc == 0 && st == CEFO_OK)
        st = cefo_problem_build(&prob, net, &err);
    /* The least-cost plan first: without one there is no frontier, and the model's
     * diagnosis says why (exit 1, as solve). */
    if (rc == 0 && st == CEFO_OK)
        st = cefo_problem_solve(prob, &opt, &res, &err);
    if (rc == 0 && st == CEFO_OK)
        rc = no_plan(res, path) ? EXIT_NOT_OPTIMAL : frontier(prob, k, res, &a, p.n, &st, &err);
    cefo_result_free(res);
    if (rc == 0 && st != CEFO_OK)
        rc = cli_report(&err, st);
    cefo_problem_free(prob);
    cefo_network_free(net);
    cli_args_free(&a);
    return rc;
}
