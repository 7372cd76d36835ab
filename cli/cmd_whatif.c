/* cmd_whatif.c - `cefo whatif FILE S`: the base and every scenario of S side by side. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli/cli.h"

static int cmd_whatif(int argc, char **argv);

enum { OPT_OUT_DIR = 1 };
static const cli_option options[] = {
    {OPT_OUT_DIR, 0, "out-dir", "DIR",
     "a batch: each run's summary line to DIR/run-NNNNNN.csv,\natomically (0 the base, then "
     "the scenarios in order); a rerun\nskips the runs already there; join them with cefo merge",
     NULL, 0},
    {0},
};

const cli_spec spec_whatif = {
    .name = "whatif",
    .summary = "solve the base and every scenario of a scenarios file, side by side",
    .operands = "FILE SCENARIOS",
    .min_operands = 2,
    .max_operands = 2,
    .operands_error = "expects FILE and SCENARIOS",
    .about = "Solves the network as it is and under every scenario of SCENARIOS\n"
             "(docs/scenarios.md), and shows them side by side: total cost and its terms,\n"
             "emissions against caps, indicators, and the processes and links whose activity or\n"
             "flow changed most. Edits given with --set, --scale or --remove apply to the base\n"
             "and every scenario.",
    .common = CLI_O_TABLE | CLI_O_EDITS | CLI_O_ENGINE,
    .opts = options,
    .exits = "Exit: 0 when every run is optimal; 1 when some run has no optimal plan (all are\n"
             "still written); 64 usage; 65 invalid input or a selector matching nothing; 66 no\n"
             "FILE.",
    .run = cmd_whatif,
};

static int own_option(void *ctx, cli_args *a, int id, char *arg)
{
    (void)a, (void)id;
    *(const char **)ctx = arg;
    return 0;
}

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
        char what[1024];
        cli_run_name(what, sizeof what, path, net);
        *optimal &= !cli_why_no_plan(what, res);
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
    cefo_status st = cli_scenarios_load(scenarios, &s, &err);
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

static int cmd_whatif(int argc, char **argv)
{
    const char *out_dir = NULL;
    cli_args a;
    int rc = cli_parse(&spec_whatif, argc, argv, &a, own_option, &out_dir);
    if (rc != 0) {
        cli_args_free(&a);
        return rc == CLI_HELP ? 0 : rc;
    }
    const cli_source src = a.src;
    const char *out = a.out, *path = a.operand[0], *scenarios = a.operand[1];
    cefo_format format = a.format;
    if (out_dir) {
        rc = whatif_batch(&src, path, scenarios, out_dir);
        cli_args_free(&a);
        return rc;
    }
    cefo_error err = {0};
    cli_runs runs;
    cefo_status st = cli_runs_solve(&runs, &src, path, scenarios, &err);
    if (st == CEFO_OK)
        rc = cli_runs_explain(&runs, path);
    const cefo_result *const *results = (const cefo_result *const *)runs.res;
    cli_out o;
    if (st == CEFO_OK && (st = cli_out_open(&o, out, 1, &err)) == CEFO_OK)
        st = cli_out_close(&o, cefo_results_compare(results, runs.labels, runs.n, o.fp, format,
                                                    &err), &err);
    if (st != CEFO_OK)
        rc = cli_report(&err, st);
    cli_runs_free(&runs);
    cli_args_free(&a);
    return rc;
}
