/* cmd_export.c - `cefo export FILE --mps|--lp|--dot OUT`: the model for other solvers and tools. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static int cmd_export(int argc, char **argv);

enum { MPS, LP, DOT, SVG, NOUT };
static const cli_option options[] = {
    {MPS, 0, "mps", "OUT", "free MPS", NULL, 0},
    {LP, 0, "lp", "OUT", "CPLEX LP", NULL, 0},
    {DOT, 0, "dot", "OUT", "Graphviz (dot -Tsvg OUT > plan.svg)", NULL, 0},
    {SVG, 0, "svg", "OUT", "the Sankey diagram of the plan's material flows", NULL, 0},
    {0},
};

const cli_spec spec_export = {
    .name = "export",
    .summary = "write the model as MPS or CPLEX LP, or the plan as a Graphviz graph",
    .operands = "FILE",
    .min_operands = 1,
    .max_operands = 1,
    .operands_error = "expects FILE and at least one of --mps, --lp, --dot, --svg",
    .about = "Writes the network's model for other solvers, as free MPS or CPLEX LP (GLPK's\n"
             "writers, rows and columns named after the model: x_PROCESS, f_FROM_TO_MATERIAL,\n"
             "bal_MATERIAL...), and its plan as a Graphviz graph (widths by flow, waste dashed;\n"
             "the structure alone when there is no plan) or a Sankey diagram. The files are\n"
             "written all or none: each to a temporary file, put in place once every one is\n"
             "complete; a FIFO or a device is written in place; - is standard output for --dot\n"
             "and --svg.",
    .common = CLI_O_SOURCE | CLI_O_ENGINE,
    .opts = options,
    .exits = "Exit: 0 done; 64 usage (one OUT for two formats); 65 invalid input; 66 no FILE;\n"
             "73 cannot create OUT, or OUT is an input; 74 a write failed.",
    .run = cmd_export,
};

static int own_option(void *ctx, cli_args *a, int id, char *arg)
{
    (void)a;
    ((const char **)ctx)[id] = arg;
    return 0;
}

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

static int cmd_export(int argc, char **argv)
{
    const char *path[NOUT] = {0};
    cli_args a;
    int rc = cli_parse(&spec_export, argc, argv, &a, own_option, path);
    if (rc == 0 && !(path[MPS] || path[LP] || path[DOT] || path[SVG]))
        rc = cli_usage_error("export", "%s", spec_export.operands_error);
    if (rc == 0)
        rc = check_paths(path);
    cli_source src = a.src;
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    cefo_error err = {0};
    cefo_options opt = cli_options(&src);
    if (rc == 0) {
        cefo_status st = cli_load_network(&src, a.operand[0], &net, &err);
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
    cli_args_free(&a);
    return rc == CLI_HELP ? 0 : rc;
}
