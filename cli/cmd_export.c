/* cmd_export.c - `cefo export FILE --mps|--lp|--dot OUT`: the model for other solvers and tools. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"

static const char help[] =
    "usage: cefo export FILE [--mps OUT] [--lp OUT] [--dot OUT] [edits]\n\n"
    "Writes the network's model for other solvers, as free MPS or CPLEX LP (GLPK's writers,\n"
    "rows and columns named after the model: x_PROCESS, f_FROM_TO_MATERIAL, bal_MATERIAL...),\n"
    "and its plan as a Graphviz graph (widths by flow, waste dashed; the structure alone when\n"
    "there is no plan). Every file is written atomically.\n\n"
    "      --mps OUT     free MPS\n"
    "      --lp OUT      CPLEX LP\n"
    "      --dot OUT     Graphviz (dot -Tsvg OUT > plan.svg)\n"
    "      --svg OUT     the Sankey diagram of the plan's material flows\n" CLI_SOURCE_HELP CLI_SOLVER_HELP
    "  -h, --help        this text\n\n"
    "Exit: 0 done; 64 usage; 65 invalid input; 66 no FILE; 73 cannot create OUT.\n";

int cmd_export(int argc, char **argv)
{
    static const struct option opts[] = {
        {"mps", required_argument, NULL, 'm'}, {"lp", required_argument, NULL, 'l'},
        {"dot", required_argument, NULL, 'd'}, {"svg", required_argument, NULL, 's'},
        {"help", no_argument, NULL, 'h'},
        CLI_SOURCE_OPTIONS, CLI_SOLVER_OPTIONS, {0}};
    cli_source src = {.edits = calloc((size_t)argc + 1, sizeof(cefo_edit))};
    const char *mps = NULL, *lp = NULL, *dot = NULL, *svg = NULL;
    int c, rc = src.edits ? 0 : EXIT_SOFTWARE;
    optind = 1;
    opterr = 0;
    while (rc == 0 && (c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        if (c == 'h') {
            fputs(help, stdout);
            free(src.edits);
            return 0;
        } else if (c == 'm') {
            mps = optarg;
        } else if (c == 'l') {
            lp = optarg;
        } else if (c == 'd') {
            dot = optarg;
        } else if (c == 's') {
            svg = optarg;
        } else {
            rc = cli_other_option(&src, c, optarg, "export", argv[optind - 1]);
        }
    }
    if (rc == 0 && (optind != argc - 1 || (!mps && !lp && !dot && !svg)))
        rc = cli_usage_error("export", "expects FILE and at least one of --mps, --lp, --dot, --svg");
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    cefo_error err = {0};
    cefo_status st = CEFO_OK;
    sigset_t old;
    cefo_options opt = cli_options(&src);
    if (rc == 0) {
        st = cli_load_network(&src, argv[optind], &net, &err);
        if (st == CEFO_OK)
            st = cefo_problem_build(&prob, net, &err);
        cli_hold_signals(&old);
        if (st == CEFO_OK && mps)
            st = cefo_problem_write(prob, CEFO_MODEL_MPS, mps, &err);
        if (st == CEFO_OK && lp)
            st = cefo_problem_write(prob, CEFO_MODEL_LP, lp, &err);
        cli_release_signals(&old);
        if (st == CEFO_OK && (dot || svg))
            st = cefo_problem_solve(prob, &opt, &res, &err);
        cli_hold_signals(&old);
        if (st == CEFO_OK && dot)
            st = cefo_result_write_dot_file(res, dot, &err);
        if (st == CEFO_OK && svg)
            st = cefo_result_write_svg_file(res, svg, &err);
        cli_release_signals(&old);
        if (st != CEFO_OK)
            rc = cli_report(&err, st);
    }
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
    free(src.edits);
    return rc;
}
