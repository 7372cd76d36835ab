/* cmd_pareto.c - `cefo pareto FILE --pollutant ID --points N`: cost against one pollutant. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char help[] =
    "usage: cefo pareto FILE --pollutant ID [--points N] [--format text|csv] [edits]\n\n"
    "The frontier of total cost against the total of one pollutant (epsilon-constraint):\n"
    "from the least-cost plan's emission down to the least emission any plan can reach, N\n"
    "caps evenly apart (default 11), each solved for least cost in place.\n\n"
    "  -p, --pollutant ID   the pollutant\n"
    "  -n, --points N       number of points (>= 1)\n"
    "  -f, --format F       text (default) or csv: point,cap,emission,objective,status\n" CLI_SOURCE_HELP CLI_SOLVER_HELP
    "  -h, --help           this text\n\n"
    "Exit: 0 done; 1 no least-cost plan to start from (the diagnosis on stderr) or some point\n"
    "without an optimal plan; 64 usage; 65 invalid input; 66 no FILE.\n";

static int print_points(const cefo_pareto_point *pt, long n, cefo_format format,
                        const char *unit)
{
    char b1[40], b2[40], b3[40];
    int all_optimal = 1;
    if (format == CEFO_FORMAT_CSV)
        puts("point,cap,emission,objective,status");
    else
        printf("%6s %16s %16s %18s  %s\n", "point", "cap", "emission", "total cost", "status");
    for (long i = 0; i < n; i++) {
        cli_number(b1, sizeof b1, pt[i].cap);
        cli_number(b2, sizeof b2, pt[i].emission);
        cli_number(b3, sizeof b3, pt[i].objective);
        all_optimal &= cli_plan_found(pt[i].status);
        if (format == CEFO_FORMAT_CSV)
            printf("%ld,%s,%s,%s,%s\n", i, b1, b2, b3, cefo_solve_status_name(pt[i].status));
        else
            printf("%6ld %16.10g %16.10g %18.12g  %s\n", i, pt[i].cap, pt[i].emission,
                   pt[i].objective, cefo_solve_status_name(pt[i].status));
    }
    if (format != CEFO_FORMAT_CSV)
        printf("(emission in %s; total cost includes every damage cost)\n", unit);
    return all_optimal ? 0 : EXIT_NOT_OPTIMAL;
}

/* When the model has no least-cost plan: says so on stderr with the diagnosis, returns 1. */
static int no_plan(const cefo_result *res, const char *path)
{
    cefo_solve_status status = cefo_result_status(res);
    if (cli_plan_found(status))
        return 0;
    fprintf(stderr, "%s: no least-cost plan to start the frontier from: the model is %s\n",
            path, cefo_solve_status_name(status));
    for (size_t i = 0; i < cefo_result_diagnosis_count(res); i++) {
        cefo_diagnosis_item d;
        if (cefo_result_diagnosis(res, i, &d) == CEFO_OK)
            fprintf(stderr, "  - %s\n", d.message);
    }
    return 1;
}

int cmd_pareto(int argc, char **argv)
{
    static const struct option opts[] = {
        {"pollutant", required_argument, NULL, 'p'}, {"points", required_argument, NULL, 'n'},
        {"format", required_argument, NULL, 'f'}, {"help", no_argument, NULL, 'h'},
        CLI_SOURCE_OPTIONS, CLI_SOLVER_OPTIONS, {0}};
    cli_source src = {.edits = calloc((size_t)argc + 1, sizeof(cefo_edit))};
    const char *pollutant = NULL;
    long n = 11;
    cefo_format format = CEFO_FORMAT_TEXT;
    int c, rc = src.edits ? 0 : EXIT_SOFTWARE;
    optind = 1;
    opterr = 0;
    while (rc == 0 && (c = getopt_long(argc, argv, ":p:n:f:h", opts, NULL)) != -1) {
        if (c == 'h') {
            fputs(help, stdout);
            free(src.edits);
            return 0;
        } else if (c == 'p') {
            pollutant = optarg;
        } else if (c == 'n') {
            rc = cli_count_arg("pareto", "--points", optarg, 1, 100000, &n);
        } else if (c == 'f') {
            if (cli_parse_format(optarg, &format) != 0 || format == CEFO_FORMAT_JSON)
                rc = cli_usage_error("pareto", "--format is text or csv");
        } else {
            rc = cli_other_option(&src, c, optarg, "pareto", argv[optind - 1]);
        }
    }
    if (rc == 0 && (!pollutant || optind != argc - 1))
        rc = cli_usage_error("pareto", "expects FILE and --pollutant ID");
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_pareto_point *pt = calloc((size_t)n, sizeof *pt);
    cefo_error err = {0};
    cefo_status st = CEFO_OK;
    size_t k = 0;
    if (rc == 0 && !pt)
        rc = EXIT_SOFTWARE;
    cefo_options opt = cli_options(&src);
    if (rc == 0) {
        st = cli_load_network(&src, argv[optind], &net, &err);
        if (st == CEFO_OK && cefo_network_find(net, CEFO_POLLUTANT, pollutant, &k) != CEFO_OK)
            rc = cli_usage_error("pareto", "no pollutant '%s' in %s", pollutant, argv[optind]);
    }
    if (rc == 0 && st == CEFO_OK)
        st = cefo_problem_build(&prob, net, &err);
    /* The least-cost plan first: without one there is no frontier, and the model's
     * diagnosis says why (exit 1, as solve). */
    cefo_result *res = NULL;
    if (rc == 0 && st == CEFO_OK)
        st = cefo_problem_solve(prob, &opt, &res, &err);
    if (rc == 0 && st == CEFO_OK && !no_plan(res, argv[optind])) {
        cefo_pollutant_result row = {.unit = ""};
        cefo_result_pollutant(res, k, &row);
        st = cefo_problem_pareto(prob, k, (size_t)n, &opt, pt, &err);
        if (st == CEFO_OK)
            rc = print_points(pt, n, format, row.unit);
    } else if (rc == 0 && st == CEFO_OK) {
        rc = EXIT_NOT_OPTIMAL;
    }
    cefo_result_free(res);
    if (rc == 0 && st != CEFO_OK)
        rc = cli_report(&err, st);
    cefo_problem_free(prob);
    cefo_network_free(net);
    free(pt);
    free(src.edits);
    return rc;
}
