/* cmd_footprint.c - `cefo footprint FILE`: whole-chain footprints of the products of a plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static int cmd_footprint(int argc, char **argv);

enum { OPT_ALLOCATION = 1 };
static const char *const allocations[] = {"market", "mass", NULL};
static const cli_option options[] = {
    {OPT_ALLOCATION, 0, "allocation", "A",
     "co-products share their process's burden by market value at\nthe plan's shadow prices "
     "(market, default) or by amount (mass)", allocations, 0},
    {0},
};

const cli_spec spec_footprint = {
    .name = "footprint",
    .summary = "whole-chain emissions, imports and labour of each product of the plan",
    .operands = "FILE",
    .min_operands = 1,
    .max_operands = 1,
    .operands_error = "expects exactly one FILE",
    .about = "Solves the network and reports, per final product of the plan, the emissions,\n"
             "virgin imports and labour along its whole chain inside the cluster, waste\n"
             "treatment included: products by their producers' market shares in the plan, wastes\n"
             "charged to their makers along the plan's own waste flows. Imported and exported\n"
             "materials cross the cluster's boundary: their chains outside it are not counted.\n"
             "The footprints add up to the plan's totals, which is checked (docs/footprint.md).",
    .common = CLI_O_TABLE | CLI_O_SOURCE | CLI_O_ENGINE,
    .opts = options,
    .exits = "Exit: 0 done; 1 the model has no optimal plan; 64 usage; 65 invalid input; 66 no\n"
             "FILE; 69 solver program missing; 70 internal error; 73 cannot create OUT.",
    .run = cmd_footprint,
};

typedef struct fp_args {
    cli_source src;
    const char *path;
    const char *out;
    cefo_format format;
    cefo_allocation alloc;
} fp_args;

static int own_option(void *ctx, cli_args *c, int id, char *arg)
{
    (void)id, (void)arg;
    *(cefo_allocation *)ctx = c->choice == 1 ? CEFO_ALLOCATION_MASS : CEFO_ALLOCATION_MARKET;
    return 0;
}

static int parse(int argc, char **argv, fp_args *a, cli_args *c)
{
    int rc = cli_parse(&spec_footprint, argc, argv, c, own_option, &a->alloc);
    if (rc == 0) {
        a->src = c->src;
        a->out = c->out;
        a->format = c->format;
        a->path = c->operand[0];
    }
    return rc;
}

static cefo_status write_out(const cefo_footprint *fp, const fp_args *a, cefo_error *err)
{
    cli_out o;
    cefo_status st = cli_out_open(&o, a->out, 1, err);
    if (st == CEFO_OK)
        st = cli_out_close(&o, cefo_footprint_write(fp, o.fp, a->format, err), err);
    return st;
}

static int cmd_footprint(int argc, char **argv)
{
    fp_args a = {0};
    cli_args c;
    int rc = parse(argc, argv, &a, &c);
    if (rc != 0) {
        cli_args_free(&c);
        return rc < 0 ? 0 : rc;
    }
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    cefo_footprint *fp = NULL;
    cefo_error err = {0};
    cefo_options opt = cli_options(&a.src);
    cefo_status st = cli_load_network(&a.src, a.path, &net, &err);
    if (st == CEFO_OK)
        st = cefo_problem_build(&prob, net, &err);
    if (st == CEFO_OK)
        st = cefo_problem_solve(prob, &opt, &res, &err);
    if (st == CEFO_OK && (rc = cli_no_plan(a.path, res)) == 0) {
        st = cefo_footprint_compute(&fp, res, a.alloc, &err);
        if (st == CEFO_OK)
            st = write_out(fp, &a, &err);
    }
    if (st != CEFO_OK)
        rc = cli_report(&err, st);
    cefo_footprint_free(fp);
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
    cli_args_free(&c);
    return rc;
}
