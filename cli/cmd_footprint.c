/* cmd_footprint.c - `cefo footprint FILE`: whole-chain footprints of the products of a plan. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char help[] =
    "usage: cefo footprint FILE [--allocation market|mass] [--format text|json|csv] [-o OUT]\n"
    "                      [options]\n\n"
    "Solves the network and reports, per final product of the plan, the emissions, virgin\n"
    "imports and labour along its whole chain inside the cluster, waste treatment included:\n"
    "products by their producers' market shares in the plan, wastes charged to their makers\n"
    "along the plan's own waste flows. Imported and exported materials cross the cluster's\n"
    "boundary: their chains outside it are not counted. The footprints add up to the plan's\n"
    "totals, which is checked (docs/footprint.md).\n\n"
    "      --allocation A   co-products share their process's burden by market value at the\n"
    "                       plan's shadow prices (market, default) or by amount (mass)\n"
    "  -f, --format F       text (default), json or csv\n"
    "  -o, --output OUT     write to OUT (atomically) instead of stdout\n"
    CLI_SOURCE_HELP
    CLI_SOLVER_HELP
    "  -h, --help           this text\n\n"
    "Exit: 0 done; 1 the model has no optimal plan; 64 usage; 65 invalid input; 66 no FILE;\n"
    "69 solver program missing; 70 internal error; 73 cannot create OUT.\n";

typedef struct fp_args {
    cli_source src;
    const char *path;
    const char *out;
    cefo_format format;
    cefo_allocation alloc;
} fp_args;

static int parse(int argc, char **argv, fp_args *a)
{
    enum { OPT_ALLOCATION = OPT_NEXT };
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
        {"allocation", required_argument, NULL, OPT_ALLOCATION},
        {"help", no_argument, NULL, 'h'}, CLI_SOURCE_OPTIONS, CLI_SOLVER_OPTIONS, {0}};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(help, stdout); return -1;
        case 'f':
            if (cli_parse_format(optarg, &a->format) != 0)
                return cli_usage_error("footprint", "unknown format '%s'", optarg);
            break;
        case 'o': a->out = optarg; break;
        case OPT_ALLOCATION:
            if (strcmp(optarg, "market") == 0)
                a->alloc = CEFO_ALLOCATION_MARKET;
            else if (strcmp(optarg, "mass") == 0)
                a->alloc = CEFO_ALLOCATION_MASS;
            else
                return cli_usage_error("footprint", "unknown allocation '%s' (market or mass)",
                                       optarg);
            break;
        default:
            if (cli_other_option(&a->src, c, optarg, "footprint", argv[optind - 1]) != 0)
                return EXIT_USAGE;
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("footprint", "expects exactly one FILE");
    a->path = argv[optind];
    return 0;
}

static cefo_status write_out(const cefo_footprint *fp, const fp_args *a, cefo_error *err)
{
    cli_out o;
    cefo_status st = cli_out_open(&o, a->out, 1, err);
    if (st == CEFO_OK)
        st = cli_out_close(&o, cefo_footprint_write(fp, o.fp, a->format, err), err);
    return st;
}

int cmd_footprint(int argc, char **argv)
{
    fp_args a = {0};
    a.src.edits = calloc((size_t)argc + 1, sizeof *a.src.edits);
    if (!a.src.edits)
        return EXIT_SOFTWARE;
    int rc = parse(argc, argv, &a);
    if (rc != 0) {
        free(a.src.edits);
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
    free(a.src.edits);
    return rc;
}
