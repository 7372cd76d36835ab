/* cmd_whatif.c - `cefo whatif FILE S`: the base and every scenario of S side by side. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"

static const char help[] =
    "usage: cefo whatif FILE SCENARIOS [--format text|json|csv] [-o OUT] [edits]\n\n"
    "Solves the network as it is and under every scenario of SCENARIOS (docs/scenarios.md),\n"
    "and shows them side by side: total cost and its terms, emissions against caps,\n"
    "indicators, and the processes and links whose activity or flow changed most.\n"
    "Edits given with --set, --scale or --remove apply to the base and every scenario.\n\n"
    "  -f, --format F      text (default), json or csv\n"
    "  -o, --output OUT    write to OUT atomically instead of stdout\n"
    "      --set SEL=VALUE, --scale SEL=F, --remove SEL   edits (repeatable)\n"
    "  -h, --help          this text\n\n"
    "Exit: 0 when every run is optimal; 1 when some run has no optimal plan (all are still\n"
    "written); 64 usage; 65 invalid input or a selector matching nothing; 66 no FILE.\n";

typedef struct run {
    cefo_network *net;
    cefo_problem *prob;
    cefo_result *res;
} run;

static cefo_status solve_one(cli_source *src, const char *path, run *r, cefo_error *err)
{
    cefo_status st = cli_load_network(src, path, &r->net, err);
    if (st == CEFO_OK)
        st = cefo_problem_build(&r->prob, r->net, err);
    if (st == CEFO_OK)
        st = cefo_problem_solve(r->prob, NULL, &r->res, err);
    return st;
}

int cmd_whatif(int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'}, CLI_SOURCE_OPTIONS, {0}};
    cefo_format format = CEFO_FORMAT_TEXT;
    const char *out = NULL;
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
        } else if (c == OPT_SET || c == OPT_SCALE || c == OPT_REMOVE) {
            rc = cli_source_option(&src, c, optarg, "whatif");
        } else if (c != 'f') {
            rc = cli_usage_error("whatif", "unknown option or missing value '%s'",
                                 argv[optind - 1]);
        }
    }
    if (rc == 0 && optind != argc - 2)
        rc = cli_usage_error("whatif", "expects FILE and SCENARIOS");
    if (rc != 0) {
        free(src.edits);
        return rc;
    }
    const char *path = argv[optind];
    cefo_error err = {0};
    cefo_scenarios *s = NULL;
    cefo_status st = cefo_scenarios_load_file(&s, argv[optind + 1], &err);
    size_t n = 1 + cefo_scenarios_count(s);
    run *runs = calloc(n, sizeof *runs);
    const cefo_result **results = calloc(n, sizeof *results);
    const char **labels = calloc(n, sizeof *labels);
    if (st == CEFO_OK && (!runs || !results || !labels))
        rc = EXIT_SOFTWARE;
    if (st == CEFO_OK && rc == 0) {
        labels[0] = "base";
        st = solve_one(&src, path, &runs[0], &err);
        for (size_t i = 1; i < n && st == CEFO_OK; i++) {
            labels[i] = cefo_scenarios_id(s, i - 1);
            st = cefo_network_load_edited(&runs[i].net, path, s, labels[i], src.edits,
                                          src.nedits, &err);
            if (st == CEFO_OK)
                st = cefo_problem_build(&runs[i].prob, runs[i].net, &err);
            if (st == CEFO_OK)
                st = cefo_problem_solve(runs[i].prob, NULL, &runs[i].res, &err);
        }
    }
    int all_optimal = 1;
    for (size_t i = 0; st == CEFO_OK && rc == 0 && i < n; i++) {
        results[i] = runs[i].res;
        all_optimal &= cefo_result_status(runs[i].res) == CEFO_SOLVE_OPTIMAL
                       || cefo_result_status(runs[i].res) == CEFO_SOLVE_GAP_LIMIT;
    }
    if (st == CEFO_OK && rc == 0 && !all_optimal)
        rc = EXIT_NOT_OPTIMAL;
    if (st == CEFO_OK && (rc == 0 || rc == EXIT_NOT_OPTIMAL)) {
        if (out) {
            sigset_t old;
            cli_hold_signals(&old);
            st = cefo_results_compare_file(results, labels, n, out, format, &err);
            cli_release_signals(&old);
        } else {
            st = cefo_results_compare(results, labels, n, stdout, format, &err);
        }
    }
    if (st != CEFO_OK)
        rc = cli_report(&err, st);
    for (size_t i = 0; runs && i < n; i++) {
        cefo_result_free(runs[i].res);
        cefo_problem_free(runs[i].prob);
        cefo_network_free(runs[i].net);
    }
    free(runs);
    free(results);
    free(labels);
    cefo_scenarios_free(s);
    free(src.edits);
    return rc;
}
