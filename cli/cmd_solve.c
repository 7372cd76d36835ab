/* cmd_solve.c - `cefo solve FILE`: the least-cost plan as text, JSON or CSV. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cli/cli.h"

static int cmd_solve(int argc, char **argv);

enum { OPT_METHOD = 1, OPT_NO_PRESOLVE };
static const char *const methods[] = {"auto", "primal", "dual", NULL};
static const cli_option options[] = {
    {OPT_METHOD, 0, "method", "M", "auto (default), primal or dual simplex", methods, 0},
    {OPT_NO_PRESOLVE, 0, "no-presolve", NULL, "solve without GLPK's presolver", NULL, 0},
    {0},
};

const cli_spec spec_solve = {
    .name = "solve",
    .summary = "find the least-cost plan of a network and print it",
    .operands = "FILE",
    .min_operands = 1,
    .max_operands = 1,
    .operands_error = "expects exactly one FILE",
    .about = "Finds the plan that meets every demand at least total cost, pollution damage\n"
             "included, and prints it: activities, link flows, imports, exports, discharges,\n"
             "emissions against caps, shadow prices, the cost breakdown and the indicators\n"
             "(docs/results.md).",
    .common = CLI_O_TABLE | CLI_O_SOURCE | CLI_O_ENGINE | CLI_O_TIMINGS,
    .opts = options,
    .exits = "Exit: 0 optimal (or within --gap); 1 infeasible, unbounded or a limit (the result\n"
             "is still written); 64 usage; 65 invalid input; 66 no FILE; 70 internal error;\n"
             "73 cannot create OUT.",
    .run = cmd_solve,
};

static int own_option(void *ctx, cli_args *a, int id, char *arg)
{
    cefo_options *opt = ctx;
    (void)arg;
    if (id == OPT_NO_PRESOLVE)
        opt->presolve = 0;
    else
        opt->method = a->choice == 1 ? CEFO_METHOD_PRIMAL
                      : a->choice == 2 ? CEFO_METHOD_DUAL : opt->method;
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static cefo_status write_out(const cefo_result *res, const cli_args *a, cefo_error *err)
{
    cli_out out;
    cefo_status st = cli_out_open(&out, a->out, 1, err);
    if (st == CEFO_OK)
        st = cefo_result_write(res, out.fp, a->format, err);
    return cli_out_close(&out, st, err);
}

static int cmd_solve(int argc, char **argv)
{
    cli_args a;
    cefo_options defaults;
    cefo_options_init(&defaults);
    int rc = cli_parse(&spec_solve, argc, argv, &a, own_option, &defaults);
    if (rc != 0) {
        cli_args_free(&a);
        return rc == CLI_HELP ? 0 : rc;
    }
    const char *path = a.operand[0];
    cefo_options opt = cli_options(&a.src);
    opt.method = defaults.method;
    opt.presolve = defaults.presolve;
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    cefo_error err = {0};
    double t0 = now();
    cefo_status st = cli_load_network(&a.src, path, &net, &err);
    double t1 = now();
    if (st == CEFO_OK)
        st = cefo_problem_build(&prob, net, &err);
    double t2 = now();
    if (st == CEFO_OK)
        st = cefo_problem_solve(prob, &opt, &res, &err);
    double t3 = now();
    if (st == CEFO_OK)
        st = write_out(res, &a, &err);
    if (a.given & CLI_O_TIMINGS)
        fprintf(stderr, "cefo solve: load %.4f s, build %.4f s, solve %.4f s, write %.4f s\n",
                t1 - t0, t2 - t1, t3 - t2, now() - t3);
    rc = st != CEFO_OK ? cli_report(&err, st) : cli_no_plan(path, res);
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
    cli_args_free(&a);
    return rc;
}
