/* cmd_export.c - `cefo export FILE --mps|--lp|--dot OUT`: the model for other solvers and tools. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char help[] =
    "usage: cefo export FILE [--mps OUT] [--lp OUT] [--dot OUT] [edits]\n\n"
    "Writes the network's model for other solvers, as free MPS or CPLEX LP (GLPK's writers,\n"
    "rows and columns named after the model: x_PROCESS, f_FROM_TO_MATERIAL, bal_MATERIAL...),\n"
    "and its plan as a Graphviz graph (widths by flow, waste dashed; the structure alone when\n"
    "there is no plan). The files are written all or none: each to a temporary file, put\n"
    "in place once every one is complete; a FIFO or a device is written in place.\n\n"
    "      --mps OUT     free MPS\n"
    "      --lp OUT      CPLEX LP\n"
    "      --dot OUT     Graphviz (dot -Tsvg OUT > plan.svg)\n"
    "      --svg OUT     the Sankey diagram of the plan's material flows\n" CLI_SOURCE_HELP CLI_SOLVER_HELP
    "  -h, --help        this text\n\n"
    "Exit: 0 done; 64 usage (one OUT for two formats); 65 invalid input; 66 no FILE;\n"
    "73 cannot create OUT, or OUT is an input; 74 a write failed.\n";

enum { MPS, LP, DOT, SVG, NOUT };
static const char *const flag[NOUT] = {"--mps", "--lp", "--dot", "--svg"};

/* Two outputs naming one file would overwrite each other: a usage error. */
static int check_paths(const char *const *path)
{
    for (int i = 0; i < NOUT; i++) {
        if (path[i] && i < DOT && strcmp(path[i], "-") == 0)
            return cli_usage_error("export", "%s is written to a file, not to standard output",
                                   flag[i]);
        for (int j = i + 1; j < NOUT; j++)
            if (path[i] && path[j] && cli_same_file(path[i], path[j]))
                return cli_usage_error("export", "%s and %s name the same file '%s'", flag[i],
                                       flag[j], path[j]);
    }
    return 0;
}

/* One output written: the model through its file (GLPK takes a path), the plan as a stream. */
static cefo_status write_one(int i, cefo_problem *prob, const cefo_result *res, cli_out *out,
                             cefo_error *err)
{
    cefo_status st;
    if (i == MPS || i == LP)
        st = cefo_problem_write(prob, i == MPS ? CEFO_MODEL_MPS : CEFO_MODEL_LP,
                                cefo_output_file(out->o), err);
    else if (i == DOT)
        st = cefo_result_write_dot(res, out->fp, err);
    else
        st = cefo_result_write_svg(res, out->fp, err);
    if (st != CEFO_OK) /* name the file asked for, never the temporary one */
        snprintf(err->file, sizeof err->file, "%s", out->path);
    return cli_out_finish(out, st, err);
}

/* Every output opened, written and finished before any is put in place: all or nothing. */
static cefo_status write_all(const char *const *path, cefo_problem *prob,
                             const cefo_result *res, cefo_error *err)
{
    cli_out out[NOUT] = {{0}};
    cefo_status st = CEFO_OK;
    for (int i = 0; i < NOUT && st == CEFO_OK; i++)
        if (path[i])
            st = cli_out_open(&out[i], path[i], i >= DOT, err);
    for (int i = 0; i < NOUT && st == CEFO_OK; i++)
        if (path[i])
            st = write_one(i, prob, res, &out[i], err);
    for (int i = 0; i < NOUT; i++) {
        if (!out[i].path) /* not opened */
            continue;
        cefo_status c = cli_out_close(&out[i], st, err);
        st = st != CEFO_OK ? st : c;
    }
    return st;
}

int cmd_export(int argc, char **argv)
{
    static const struct option opts[] = {
        {"mps", required_argument, NULL, 'm'}, {"lp", required_argument, NULL, 'l'},
        {"dot", required_argument, NULL, 'd'}, {"svg", required_argument, NULL, 's'},
        {"help", no_argument, NULL, 'h'},
        CLI_SOURCE_OPTIONS, CLI_SOLVER_OPTIONS, {0}};
    cli_source src = {.edits = calloc((size_t)argc + 1, sizeof(cefo_edit))};
    const char *path[NOUT] = {0};
    int c, rc = src.edits ? 0 : EXIT_SOFTWARE;
    optind = 1;
    opterr = 0;
    while (rc == 0 && (c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        int k = c == 'm' ? MPS : c == 'l' ? LP : c == 'd' ? DOT : c == 's' ? SVG : -1;
        if (c == 'h') {
            fputs(help, stdout);
            free(src.edits);
            return 0;
        } else if (k >= 0) {
            path[k] = optarg;
        } else {
            rc = cli_other_option(&src, c, optarg, "export", argv[optind - 1]);
        }
    }
    if (rc == 0 && (optind != argc - 1 || !(path[MPS] || path[LP] || path[DOT] || path[SVG])))
        rc = cli_usage_error("export", "expects FILE and at least one of --mps, --lp, --dot, --svg");
    if (rc == 0)
        rc = check_paths(path);
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    cefo_error err = {0};
    cefo_options opt = cli_options(&src);
    if (rc == 0) {
        cefo_status st = cli_load_network(&src, argv[optind], &net, &err);
        if (st == CEFO_OK)
            st = cefo_problem_build(&prob, net, &err);
        if (st == CEFO_OK && (path[DOT] || path[SVG]))
            st = cefo_problem_solve(prob, &opt, &res, &err);
        if (st == CEFO_OK)
            st = write_all(path, prob, res, &err);
        if (st != CEFO_OK)
            rc = cli_report(&err, st);
    }
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
    free(src.edits);
    return rc;
}
