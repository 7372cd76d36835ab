/* cmd_solve.c - `cefo solve FILE`: the least-cost plan as text, JSON or CSV. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"

static const char help[] =
    "usage: cefo solve FILE [--format text|json|csv] [-o OUT] [options]\n\n"
    "Finds the plan that meets every demand at least total cost, pollution damage included,\n"
    "and prints it: activities, link flows, imports, exports, discharges, emissions against\n"
    "caps, shadow prices, the cost breakdown and the indicators (docs/results.md).\n\n"
    "  -f, --format F       text (default), json or csv\n"
    "  -o, --output OUT     write to OUT (atomically: never a partial file); - is stdout\n"
    "      --method M       auto (default), primal or dual simplex\n"
    "      --no-presolve    solve without GLPK's presolver\n"
    "      --time-limit S   stop after S seconds (status time-limit, exit 1; a MIP reports\n"
    "                       the best plan found)\n"
    CLI_SOURCE_HELP
    CLI_SOLVER_HELP
    "      --gap G          MIP: stop once the plan is within relative gap G of the best\n"
    "                       bound (status gap-limit, exit 0)\n"
    "      --timings        print load, build, solve and write times on stderr\n"
    "  -h, --help           this text\n\n"
    "Exit: 0 optimal (or within --gap); 1 infeasible, unbounded or a limit (the result is\n"
    "still written);\n"
    "64 usage; 65 invalid input; 66 no FILE; 70 internal error; 73 cannot create OUT.\n";

typedef struct solve_args {
    cli_source src;
    int timings;
    const char *path;
    const char *out;
    cefo_format format;
    cefo_options opt;
} solve_args;

static int parse(int argc, char **argv, solve_args *a)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
        {"method", required_argument, NULL, 'm'}, {"no-presolve", no_argument, NULL, 'P'},
        {"time-limit", required_argument, NULL, 't'}, {"gap", required_argument, NULL, 'g'},
        {"timings", no_argument, NULL, 'T'}, {"help", no_argument, NULL, 'h'},
        CLI_SOURCE_OPTIONS, CLI_SOLVER_OPTIONS, {0}};
    int c;
    optind = 1;
    opterr = 0;
    cefo_options_init(&a->opt);
    while ((c = getopt_long(argc, argv, ":f:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(help, stdout); return -1;
        case 'f':
            if (cli_parse_format(optarg, &a->format) != 0)
                return cli_usage_error("solve", "unknown format '%s'", optarg);
            break;
        case 'o': a->out = optarg; break;
        case 'P': a->opt.presolve = 0; break;
        case 'T': a->timings = 1; break;
        case 'm':
            if (strcmp(optarg, "primal") == 0)
                a->opt.method = CEFO_METHOD_PRIMAL;
            else if (strcmp(optarg, "dual") == 0)
                a->opt.method = CEFO_METHOD_DUAL;
            else if (strcmp(optarg, "auto") != 0)
                return cli_usage_error("solve", "unknown method '%s'", optarg);
            break;
        case 't':
            if (cli_double_arg("solve", "--time-limit", optarg, 0, 1e9, CLI_OPEN_LO,
                               &a->opt.time_limit))
                return EXIT_USAGE;
            break;
        case 'g':
            if (cli_double_arg("solve", "--gap", optarg, 0, 1, CLI_OPEN_HI, &a->opt.mip_gap))
                return EXIT_USAGE;
            break;
        default:
            if (cli_other_option(&a->src, c, optarg, "solve", argv[optind - 1]) != 0)
                return EXIT_USAGE;
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("solve", "expects exactly one FILE");
    a->path = argv[optind];
    cli_apply_solver(&a->src, &a->opt);
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static cefo_status write_out(const cefo_result *res, const solve_args *a, cefo_error *err)
{
    cli_out out;
    cefo_status st = cli_out_open(&out, a->out, 1, err);
    if (st == CEFO_OK)
        st = cefo_result_write(res, out.fp, a->format, err);
    return cli_out_close(&out, st, err);
}

int cmd_solve(int argc, char **argv)
{
    solve_args a = {0};
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
    cefo_error err = {0};
    double t0 = now();
    cefo_status st = cli_load_network(&a.src, a.path, &net, &err);
    double t1 = now();
    if (st == CEFO_OK)
        st = cefo_problem_build(&prob, net, &err);
    double t2 = now();
    if (st == CEFO_OK)
        st = cefo_problem_solve(prob, &a.opt, &res, &err);
    double t3 = now();
    if (st == CEFO_OK)
        st = write_out(res, &a, &err);
    if (a.timings)
        fprintf(stderr, "cefo solve: load %.4f s, build %.4f s, solve %.4f s, write %.4f s\n",
                t1 - t0, t2 - t1, t3 - t2, now() - t3);
    rc = st != CEFO_OK ? cli_report(&err, st) : cli_no_plan(a.path, res);
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
    free(a.src.edits);
    return rc;
}
