/* cmd_sweep.c - `cefo sweep FILE --param SEL=FROM:TO:N`: one value swept, re-optimised in place. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

static const char help[] =
    "usage: cefo sweep FILE --param SEL=FROM:TO:N [--shard K/M] [--out-dir DIR] [options]\n\n"
    "Solves the network for N values of the attributes XPath SEL picks, evenly from FROM to\n"
    "TO, and prints one CSV line per point (docs/scenarios.md). Process capacities,\n"
    "pollutant damage costs and caps, and demands are updated in the loaded problem and\n"
    "re-optimised from the previous basis; any other attribute rebuilds the problem at each\n"
    "point.\n\n"
    "      --param SEL=FROM:TO:N  what to sweep, e.g. \"//pollutant[@id='COD']/@cap=100:250:16\"\n"
    "      --shard K/M            only points K, K+M, K+2M... (K from 0): one of M processes\n"
    "      --out-dir DIR          one file per point, DIR/point-NNNNNN.csv, written atomically;\n"
    "                             a rerun skips the points already there (then cefo merge)\n"
    "      --cold                 rebuild and solve from scratch at every point\n" CLI_SOURCE_HELP CLI_SOLVER_HELP
    "  -h, --help                 this text\n\n"
    "Exit: 0 every point optimal; 1 some point without an optimal plan (still written);\n"
    "64 usage; 65 invalid input; 66 no FILE; 73 cannot write in DIR.\n";

typedef struct sweep_args {
    cli_source src;
    const char *path, *sel, *out_dir;
    double from, to;
    long npoints, shard, nshards;
    int cold;
} sweep_args;

static int parse_param(sweep_args *a, char *arg)
{
    char *eq = strrchr(arg, '='), *end;
    if (!eq || eq == arg)
        return cli_usage_error("sweep", "--param needs SEL=FROM:TO:N");
    *eq = '\0';
    a->sel = arg;
    a->from = strtod(eq + 1, &end);
    if (*end != ':')
        return cli_usage_error("sweep", "--param %s: FROM:TO:N expected", arg);
    a->to = strtod(end + 1, &end);
    if (*end != ':')
        return cli_usage_error("sweep", "--param %s: FROM:TO:N expected", arg);
    a->npoints = strtol(end + 1, &end, 10);
    if (*end || a->npoints < 1 || a->npoints > 10000000 || !isfinite(a->from)
        || !isfinite(a->to))
        return cli_usage_error("sweep", "--param %s: N must be a whole number >= 1", arg);
    return 0;
}

static int parse(int argc, char **argv, sweep_args *a)
{
    static const struct option opts[] = {
        {"param", required_argument, NULL, 'p'}, {"shard", required_argument, NULL, 'k'},
        {"out-dir", required_argument, NULL, 'd'}, {"cold", no_argument, NULL, 'c'},
        {"help", no_argument, NULL, 'h'}, CLI_SOURCE_OPTIONS, CLI_SOLVER_OPTIONS, {0}};
    int c, rc = 0;
    char *end;
    optind = 1;
    opterr = 0;
    a->nshards = 1;
    while (rc == 0 && (c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(help, stdout); return -1;
        case 'p': rc = parse_param(a, optarg); break;
        case 'd': a->out_dir = optarg; break;
        case 'c': a->cold = 1; break;
        case 'k':
            a->shard = strtol(optarg, &end, 10);
            a->nshards = *end == '/' ? strtol(end + 1, &end, 10) : 0;
            if (*end || a->nshards < 1 || a->shard < 0 || a->shard >= a->nshards)
                rc = cli_usage_error("sweep", "--shard needs K/M with 0 <= K < M");
            break;
        default: rc = cli_other_option(&a->src, c, optarg, "sweep", argv[optind - 1]);
        }
    }
    if (rc == 0 && !a->sel)
        rc = cli_usage_error("sweep", "--param SEL=FROM:TO:N is required");
    if (rc == 0 && optind != argc - 1)
        rc = cli_usage_error("sweep", "expects exactly one FILE");
    if (rc == 0)
        cli_input(a->path = argv[optind]);
    return rc;
}

typedef struct sweeper {
    const sweep_args *a;
    cefo_target *targets;
    size_t ntargets;
    int warm;
    cefo_network *net;
    cefo_problem *prob;
    cefo_edit *edits;   /* the source's edits, then one SET for the point (cold path) */
    cefo_scenarios *s;  /* the source's scenarios file and scenario, read once */
    const char *scenario;
} sweeper;

/* One point's plan; on the cold path it borrows its own network, freed after the writing. */
typedef struct point {
    cefo_result *res;
    cefo_network *net;
    cefo_problem *prob;
} point;

static void point_free(point *p)
{
    cefo_result_free(p->res);
    cefo_problem_free(p->prob);
    cefo_network_free(p->net);
}

static cefo_status solve_point(sweeper *sw, double v, point *pt, cefo_error *err)
{
    const sweep_args *a = sw->a;
    cefo_options opt = cli_options(&a->src);
    if (sw->warm) {
        for (size_t t = 0; t < sw->ntargets; t++) {
            const cefo_target *tg = &sw->targets[t];
            if (cefo_problem_set(sw->prob, tg->kind, tg->index, tg->attribute,
                                 tg->offset + v) != CEFO_OK)
                return cli_arg_error(err, "a swept value is out of range for its attribute");
        }
        return cefo_problem_solve(sw->prob, &opt, &pt->res, err);
    }
    char value[40];
    cli_number(value, sizeof value, v);
    sw->edits[a->src.nedits] = (cefo_edit){CEFO_EDIT_SET, a->sel, value, NAN};
    cefo_status st = cefo_network_load_edited(&pt->net, a->path, sw->s, sw->scenario, sw->edits,
                                              a->src.nedits + 1, err);
    if (st == CEFO_OK)
        st = cefo_problem_build(&pt->prob, pt->net, err);
    if (st == CEFO_OK)
        st = cefo_problem_solve(pt->prob, &opt, &pt->res, err);
    return st;
}

static int setup(sweeper *sw, cefo_error *err, cefo_status *st)
{
    const sweep_args *a = sw->a;
    size_t room = 64;
    *st = cli_source_scenario(&a->src, &sw->s, &sw->scenario, err);
    /* One parse gives the targets and the network; again only if there are many targets. */
    for (int pass = 0; *st == CEFO_OK && pass < 2; pass++) {
        free(sw->targets);
        sw->targets = calloc(room, sizeof *sw->targets);
        if (!sw->targets)
            return EXIT_SOFTWARE;
        cefo_network_free(sw->net);
        sw->net = NULL;
        *st = cefo_network_select(a->path, sw->s, sw->scenario, a->src.edits, a->src.nedits,
                                  a->sel, sw->targets, room, &sw->ntargets, &sw->net, err);
        if (*st != CEFO_OK || sw->ntargets <= room)
            break;
        room = sw->ntargets;
    }
    sw->warm = !a->cold && *st == CEFO_OK;
    if (*st == CEFO_OK)
        *st = cefo_problem_build(&sw->prob, sw->net, err);
    /* In place only when every target is a parameter the problem can update. */
    for (size_t t = 0; *st == CEFO_OK && sw->warm && t < sw->ntargets; t++) {
        const cefo_target *tg = &sw->targets[t];
        sw->warm = cefo_problem_set(sw->prob, tg->kind, tg->index, tg->attribute,
                                    tg->offset + tg->value) == CEFO_OK;
    }
    return 0;
}

static int run_points(sweeper *sw, cefo_error *err, cefo_status *st)
{
    const sweep_args *a = sw->a;
    int all_optimal = 1, header_done = 0, tty = isatty(STDERR_FILENO);
    long done = 0, todo = (a->npoints - a->shard + a->nshards - 1) / a->nshards;
    for (long i = a->shard; *st == CEFO_OK && i < a->npoints; i += a->nshards) {
        double v = a->npoints == 1 ? a->from
                                   : a->from + (a->to - a->from) * (double)i / (a->npoints - 1);
        char prefix[64], file[4096];
        cli_number(prefix + snprintf(prefix, sizeof prefix, "%ld,", i), 40, v);
        if (a->out_dir && cli_batch_file(file, sizeof file, a->out_dir, "point", i)) {
            done++;
            continue;
        }
        point pt = {0};
        *st = solve_point(sw, v, &pt, err);
        cefo_result *res = pt.res;
        if (*st == CEFO_OK) {
            all_optimal &= cli_plan_found(cefo_result_status(res));
            if (a->out_dir) {
                *st = cli_batch_write(res, file, "point,value", prefix, err);
            } else {
                if (!header_done++)
                    *st = cefo_result_write_summary(res, stdout, "point,value", 1, err);
                if (*st == CEFO_OK)
                    *st = cefo_result_write_summary(res, stdout, prefix, 0, err);
            }
        }
        point_free(&pt);
        if (tty)
            fprintf(stderr, "\rcefo sweep: %ld of %ld points", ++done, todo);
    }
    if (tty)
        fputc('\n', stderr);
    return all_optimal ? 0 : EXIT_NOT_OPTIMAL;
}

int cmd_sweep(int argc, char **argv)
{
    sweep_args a = {0};
    a.src.edits = calloc((size_t)argc + 2, sizeof(cefo_edit));
    sweeper sw = {.a = &a};
    sw.edits = calloc((size_t)argc + 2, sizeof(cefo_edit));
    int rc = a.src.edits && sw.edits ? parse(argc, argv, &a) : EXIT_SOFTWARE;
    cefo_error err = {0};
    cefo_status st = CEFO_OK;
    if (rc == 0) {
        memcpy(sw.edits, a.src.edits, a.src.nedits * sizeof *sw.edits);
        rc = setup(&sw, &err, &st);
    }
    if (rc == 0 && st == CEFO_OK)
        rc = run_points(&sw, &err, &st);
    if (rc >= 0 && st != CEFO_OK)
        rc = cli_report(&err, st);
    cefo_problem_free(sw.prob);
    cefo_network_free(sw.net);
    cefo_scenarios_free(sw.s);
    free(sw.targets);
    free(sw.edits);
    free(a.src.edits);
    return rc < 0 ? 0 : rc;
}
