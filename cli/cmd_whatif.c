/* cmd_whatif.c - `cefo whatif FILE S`: the base and every scenario of S side by side. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli/cli.h"

static const char help[] =
    "usage: cefo whatif FILE SCENARIOS [--format text|json|csv] [-o OUT] [edits]\n\n"
    "Solves the network as it is and under every scenario of SCENARIOS (docs/scenarios.md),\n"
    "and shows them side by side: total cost and its terms, emissions against caps,\n"
    "indicators, and the processes and links whose activity or flow changed most.\n"
    "Edits given with --set, --scale or --remove apply to the base and every scenario.\n\n"
    "  -f, --format F      text (default), json or csv\n"
    "  -o, --output OUT    write to OUT atomically instead of stdout\n"
    "      --out-dir DIR   a batch: each run's summary line to DIR/run-NNNNNN.csv, atomically\n"
    "                      (0 the base, then the scenarios in order); a rerun skips the runs\n"
    "                      already there; join them with cefo merge\n"
    "      --set SEL=VALUE, --scale SEL=F, --remove SEL   edits (repeatable)\n"
    CLI_SOLVER_HELP
    "  -h, --help          this text\n\n"
    "Exit: 0 when every run is optimal; 1 when some run has no optimal plan (all are still\n"
    "written); 64 usage; 65 invalid input or a selector matching nothing; 66 no FILE.\n";

/* "i,LABEL" with the label as a CSV cell (malloc'd; NULL when out of memory). */
static char *batch_prefix(size_t i, const char *label)
{
    size_t n = cefo_csv_cell(NULL, 0, label) + 32;
    char *prefix = malloc(n);
    if (prefix) {
        int k = snprintf(prefix, n, "%zu,", i);
        cefo_csv_cell(prefix + k, n - (size_t)k, label);
    }
    return prefix;
}

/* One run of a batch: solved and written to its own file, unless a complete one is there. */
static cefo_status batch_run(const cli_source *src, const char *path, cefo_scenarios *s,
                             size_t i, const char *dir, int *optimal, cefo_error *err)
{
    char file[4096];
    const char *label = i ? cefo_scenarios_id(s, i - 1) : CLI_BASE_LABEL;
    if (cli_batch_file(file, sizeof file, dir, "run", (long)i))
        return CEFO_OK;
    char *prefix = batch_prefix(i, label);
    if (!prefix)
        return cli_arg_error(err, "out of memory");
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    cefo_status st = cli_run_one(src, path, i ? s : NULL, i ? label : NULL, &net, &prob, &res,
                                 err);
    if (st == CEFO_OK) {
        *optimal &= cli_plan_found(cefo_result_status(res));
        st = cli_batch_write(res, file, "point,scenario", prefix, err);
    }
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
    free(prefix);
    return st;
}

static int whatif_batch(const cli_source *src, const char *path, const char *scenarios,
                        const char *dir)
{
    cefo_error err = {0};
    cefo_scenarios *s = NULL;
    int optimal = 1, tty = isatty(STDERR_FILENO);
    cli_input(scenarios);
    cefo_status st = cefo_scenarios_load_file(&s, scenarios, &err);
    if (st == CEFO_OK)
        st = cli_runs_check_labels(s, scenarios, &err);
    size_t n = 1 + cefo_scenarios_count(s);
    for (size_t i = 0; i < n && st == CEFO_OK; i++) {
        if (tty)
            fprintf(stderr, "\rcefo whatif: %zu of %zu", i + 1, n);
        st = batch_run(src, path, s, i, dir, &optimal, &err);
    }
    if (tty)
        fputc('\n', stderr);
    cefo_scenarios_free(s);
    if (st != CEFO_OK)
        return cli_report(&err, st);
    return optimal ? 0 : EXIT_NOT_OPTIMAL;
}

int cmd_whatif(int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
        {"out-dir", required_argument, NULL, 'd'}, {"help", no_argument, NULL, 'h'},
        CLI_SOURCE_OPTIONS, CLI_SOLVER_OPTIONS, {0}};
    cefo_format format = CEFO_FORMAT_TEXT;
    const char *out = NULL, *out_dir = NULL;
    cli_source src = {.edits = calloc((size_t)argc + 1, sizeof(cefo_edit))};
    int c, rc = src.edits ? 0 : EXIT_SOFTWARE;
    optind = 1;
    opterr = 0;
    while (rc == 0 && (c = getopt_long(argc, argv, ":f:o:h", opts, NULL)) != -1) {
        if (c == 'h') {
            fputs(help, stdout);
            free(src.edits);
            return 0;
        } else if (c == 'f' && cli_parse_format(optarg, &format) != 0) {
            rc = cli_usage_error("whatif", "unknown format '%s'", optarg);
        } else if (c == 'o') {
            out = optarg;
        } else if (c == 'd') {
            out_dir = optarg;
        } else if (c == OPT_SET || c == OPT_SCALE || c == OPT_REMOVE || c == OPT_SOLVER
                   || c == OPT_SOLVER_LOG) {
            rc = cli_source_option(&src, c, optarg, "whatif");
        } else if (c != 'f') {
            rc = cli_option_error("whatif", c, argv[optind - 1]);
        }
    }
    if (rc == 0 && optind != argc - 2)
        rc = cli_usage_error("whatif", "expects FILE and SCENARIOS");
    if (rc != 0) {
        free(src.edits);
        return rc;
    }
    if (out_dir) {
        rc = whatif_batch(&src, argv[optind], argv[optind + 1], out_dir);
        free(src.edits);
        return rc;
    }
    cefo_error err = {0};
    cli_runs runs;
    cefo_status st = cli_runs_solve(&runs, &src, argv[optind], argv[optind + 1], &err);
    if (st == CEFO_OK && !cli_runs_all_optimal(&runs))
        rc = EXIT_NOT_OPTIMAL;
    const cefo_result *const *results = (const cefo_result *const *)runs.res;
    cli_out o;
    if (st == CEFO_OK && (st = cli_out_open(&o, out, 1, &err)) == CEFO_OK)
        st = cli_out_close(&o, cefo_results_compare(results, runs.labels, runs.n, o.fp, format,
                                                    &err), &err);
    if (st != CEFO_OK)
        rc = cli_report(&err, st);
    cli_runs_free(&runs);
    free(src.edits);
    return rc;
}
