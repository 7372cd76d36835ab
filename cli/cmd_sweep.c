/* cmd_sweep.c - `cefo sweep FILE --param SEL=FROM:TO:N`: one value swept, re-optimised in place. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

static int cmd_sweep(int argc, char **argv);

enum { OPT_PARAM = 1, OPT_SHARD, OPT_OUT_DIR, OPT_COLD, OPT_WARM_PREVIOUS };
static const char *const csv_only[] = {"csv", NULL};
static const cli_option options[] = {
    {OPT_PARAM, 0, "param", "SEL=FROM:TO:N",
     "what to sweep, e.g. \"//pollutant[@id='COD']/@cap=100:250:16\"", NULL, 0},
    {OPT_SHARD, 0, "shard", "K/M",
     "only points K, K+M, K+2M... (0 <= K < M): one of M processes", NULL, 0},
    {OPT_OUT_DIR, 0, "out-dir", "DIR",
     "one file per point, DIR/point-NNNNNN.csv, written atomically;\na rerun skips the points "
     "already there (then cefo merge)", NULL, 0},
    {OPT_COLD, 0, "cold", NULL, "rebuild and solve from scratch at every point", NULL, 0},
    {OPT_WARM_PREVIOUS, 0, "warm-previous", NULL,
     "re-optimise each point from the previous point's basis:\nfaster, but the last digits then "
     "depend on the shard layout", NULL, 0},
    {0},
};

const cli_spec spec_sweep = {
    .name = "sweep",
    .summary = "solve for a range of one value, re-optimising in place; shardable",
    .operands = "FILE --param SEL=FROM:TO:N",
    .min_operands = 1,
    .max_operands = 1,
    .operands_error = "expects exactly one FILE",
    .about = "Solves the network for N values of the attributes XPath SEL picks, evenly from\n"
             "FROM to TO, and prints one CSV line per point (docs/scenarios.md). Process\n"
             "capacities, pollutant damage costs and caps, and demands are updated in the loaded\n"
             "problem and re-optimised from the base's basis (so that a point's row is the same\n"
             "in every shard layout); any other attribute rebuilds the problem at each point.\n"
             "Every number is checked before the first point, and the network with the grid's\n"
             "two ends written in: a value its attribute refuses (below a min) is exit 65,\n"
             "nothing written.",
    .common = CLI_O_TABLE | CLI_O_SOURCE | CLI_O_ENGINE,
    .formats = csv_only,
    .opts = options,
    .exits = "Exit: 0 every point optimal; 1 some point without an optimal plan (still written);\n"
             "64 usage; 65 invalid input or a swept value out of range; 66 no FILE; 73 cannot\n"
             "write in DIR or OUT.",
    .run = cmd_sweep,
};

typedef struct sweep_args {
    cli_source src;
    const char *path, *sel, *out_dir, *out;
    double from, to;
    long npoints, shard, nshards;
    int cold, warm_previous;
} sweep_args;

/* Points and shards: at most this many (a point file name has room for seven digits). */
#define MAX_POINTS 10000000L

static int parse_param(sweep_args *a, char *arg)
{
    char *eq = strrchr(arg, '='), *c1, *c2;
    if (a->sel)
        return cli_usage_error("sweep", "--param given twice: a sweep varies one parameter "
                                        "(one selector may pick several attributes)");
    if (!eq || eq == arg || !(c1 = strchr(eq + 1, ':')) || !(c2 = strchr(c1 + 1, ':')))
        return cli_usage_error("sweep", "--param needs SEL=FROM:TO:N");
    *eq = *c1 = *c2 = '\0';
    a->sel = arg;
    if (cli_double_arg("sweep", "--param FROM", eq + 1, -DBL_MAX, DBL_MAX, 0, &a->from)
        || cli_double_arg("sweep", "--param TO", c1 + 1, -DBL_MAX, DBL_MAX, 0, &a->to)
        || cli_count_arg("sweep", "--param N", c2 + 1, 1, MAX_POINTS, &a->npoints))
        return EXIT_USAGE;
    return 0;
}

/* Point i of the grid: FROM and TO exactly at the ends, finite in between (a weighted mean of
 * two finite numbers, where FROM + (TO - FROM) t could overflow or miss TO by rounding). */
static double grid_value(const sweep_args *a, long i)
{
    if (a->npoints == 1)
        return a->from;
    double t = (double)i / (double)(a->npoints - 1);
    double u = (double)(a->npoints - 1 - i) / (double)(a->npoints - 1);
    return a->from * u + a->to * t;
}

static int own_option(void *ctx, cli_args *c, int id, char *arg)
{
    sweep_args *a = ctx;
    (void)c;
    switch (id) {
    case OPT_PARAM: return parse_param(a, arg);
    case OPT_OUT_DIR: a->out_dir = arg; return 0;
    case OPT_COLD: a->cold = 1; return 0;
    case OPT_WARM_PREVIOUS: a->warm_previous = 1; return 0;
    default: return cli_shard_arg("sweep", arg, MAX_POINTS, &a->shard, &a->nshards);
    }
}

static int parse(int argc, char **argv, sweep_args *a, cli_args *c)
{
    a->nshards = 1;
    int rc = cli_parse(&spec_sweep, argc, argv, c, own_option, a);
    if (rc == 0 && !a->sel)
        rc = cli_usage_error("sweep", "--param SEL=FROM:TO:N is required");
    if (rc == 0 && c->out && a->out_dir)
        rc = cli_usage_error("sweep", "--output and --out-dir exclude each other");
    if (rc == 0) {
        a->src = c->src;
        a->out = c->out;
        cli_input(a->path = c->operand[0]);
    }
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
    FILE *fp;           /* where the rows go without --out-dir */
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

/* An error about point i's value: "command line: --param value V (point i): why". The
 * point's edit comes after the source's, so the library names it "command line:N+1". */
static cefo_status point_error(const sweeper *sw, long i, double v, cefo_error *err,
                               cefo_status st)
{
    if (st != CEFO_ERR_INVALID && st != CEFO_ERR_ARG)
        return st;
    char value[40], msg[sizeof err->message + 100];
    cli_number(value, sizeof value, v);
    int ours = strcmp(err->file, "command line") == 0 && err->line == (int)sw->a->src.nedits + 1;
    snprintf(msg, sizeof msg, "--param value %s (point %ld): %s", value, i,
             err->message[0] ? err->message : "out of range for the attribute it sets");
    if (ours || !err->file[0]) {
        snprintf(err->file, sizeof err->file, "%s", "command line");
        err->line = 0;
    }
    snprintf(err->message, sizeof err->message, "%.*s", (int)sizeof err->message - 1, msg);
    err->code = CEFO_ERR_INVALID;
    return CEFO_ERR_INVALID;
}

/* Moves every target to value v in place; CEFO_OK or the setter's status. */
static cefo_status set_targets(sweeper *sw, double v)
{
    cefo_status st = CEFO_OK;
    for (size_t t = 0; t < sw->ntargets && st == CEFO_OK; t++) {
        const cefo_target *tg = &sw->targets[t];
        st = cefo_problem_set(sw->prob, tg->kind, tg->index, tg->attribute,
                              tg->offset + tg->weight * v);
    }
    return st;
}

/* The network with point value v written into the document (the cold path). */
static cefo_status load_point(sweeper *sw, long i, double v, cefo_network **net, cefo_error *err)
{
    const sweep_args *a = sw->a;
    char value[40];
    cli_number(value, sizeof value, v);
    sw->edits[a->src.nedits] = (cefo_edit){CEFO_EDIT_SET, a->sel, value, NAN};
    cefo_status st = cli_network_load(a->path, sw->s, sw->scenario, sw->edits, a->src.nedits + 1,
                                      net, err);
    if (st == CEFO_OK)
        cli_input_network(*net);
    return st == CEFO_OK ? st : point_error(sw, i, v, err, st);
}

static cefo_status solve_point(sweeper *sw, long i, double v, point *pt, cefo_error *err)
{
    cefo_options opt = cli_options(&sw->a->src);
    if (!sw->a->warm_previous) /* from the base's basis: the same in every shard layout */
        opt.warm = CEFO_WARM_FIRST;
    if (sw->warm) {
        cefo_status st = set_targets(sw, v);
        if (st != CEFO_OK) {
            cli_arg_error(err, "");
            return point_error(sw, i, v, err, st);
        }
        return cefo_problem_solve(sw->prob, &opt, &pt->res, err);
    }
    cefo_status st = load_point(sw, i, v, &pt->net, err);
    if (st == CEFO_OK)
        st = cefo_problem_build(&pt->prob, pt->net, err);
    if (st == CEFO_OK)
        st = cefo_problem_solve(pt->prob, &opt, &pt->res, err);
    return st;
}

/*
 * Every point re-optimises from the basis of the network's own solve, made here once, never
 * from the point before it: which points a shard runs before a point cannot change its
 * digits (docs/scenarios.md). The base's own plan is not written.
 */
static cefo_status solve_base(sweeper *sw, cefo_error *err)
{
    cefo_options opt = cli_options(&sw->a->src);
    cefo_result *res = NULL;
    opt.warm = CEFO_WARM_FIRST;
    opt.diagnose = 0;
    cefo_status st = cefo_problem_solve(sw->prob, &opt, &res, err);
    cefo_result_free(res);
    return st;
}

/*
 * Before any point is solved, the grid's two ends are checked as the network's own values
 * are (a value below a min, a negative amount): the checks are ranges, so the points between
 * pass too. A value refused is exit 65, in place and cold alike. The in-place path is taken
 * only when every target can be set to both ends.
 */
static cefo_status check_ends(sweeper *sw, cefo_error *err)
{
    const sweep_args *a = sw->a;
    long ends[2] = {0, a->npoints - 1};
    cefo_status st = CEFO_OK;
    for (int e = 0; e < 2 && st == CEFO_OK; e++) {
        cefo_network *net = NULL;
        double v = grid_value(a, ends[e]);
        st = load_point(sw, ends[e], v, &net, err);
        cefo_network_free(net);
        if (st == CEFO_OK && sw->warm && set_targets(sw, v) != CEFO_OK)
            sw->warm = 0;
    }
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
        *st = cli_network_select(a->path, sw->s, sw->scenario, a->src.edits, a->src.nedits,
                                  a->sel, sw->targets, room, &sw->ntargets, &sw->net, err);
        if (*st != CEFO_OK)
            cli_hint_selector(&a->src, a->path, err);
        if (*st != CEFO_OK || sw->ntargets <= room)
            break;
        room = sw->ntargets;
    }
    sw->warm = !a->cold && *st == CEFO_OK;
    if (*st == CEFO_OK && sw->warm)
        *st = cefo_problem_build(&sw->prob, sw->net, err);
    if (*st == CEFO_OK && sw->warm && !a->warm_previous)
        *st = solve_base(sw, err);
    if (*st == CEFO_OK)
        *st = check_ends(sw, err);
    return 0;
}

static int run_points(sweeper *sw, cefo_error *err, cefo_status *st)
{
    const sweep_args *a = sw->a;
    int all_optimal = 1, header_done = 0, tty = isatty(STDERR_FILENO);
    long done = 0, todo = a->shard < a->npoints
                              ? (a->npoints - a->shard + a->nshards - 1) / a->nshards
                              : 0;
    /* K, M and N are at most MAX_POINTS: i + M cannot overflow. */
    for (long i = a->shard; *st == CEFO_OK && i < a->npoints; i += a->nshards) {
        double v = grid_value(a, i);
        char prefix[64], file[4096];
        cli_number(prefix + snprintf(prefix, sizeof prefix, "%ld,", i), 40, v);
        if (a->out_dir && cli_batch_file(file, sizeof file, a->out_dir, "point", i)) {
            done++;
            continue;
        }
        point pt = {0};
        *st = solve_point(sw, i, v, &pt, err);
        cefo_result *res = pt.res;
        if (*st == CEFO_OK) {
            char what[4200];
            snprintf(what, sizeof what, "%s, point %ld (value %s)", cli_name(a->path), i,
                     strchr(prefix, ',') + 1);
            all_optimal &= !cli_why_no_plan(what, res);
            if (a->out_dir) {
                *st = cli_batch_write(res, file, "point,value", prefix, err);
            } else {
                if (!header_done++)
                    *st = cefo_result_write_summary(res, sw->fp, "point,value", 1, err);
                if (*st == CEFO_OK)
                    *st = cefo_result_write_summary(res, sw->fp, prefix, 0, err);
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

static int cmd_sweep(int argc, char **argv)
{
    sweep_args a = {0};
    cli_args c;
    sweeper sw = {.a = &a};
    sw.edits = calloc((size_t)argc + 2, sizeof(cefo_edit));
    int rc = parse(argc, argv, &a, &c);
    rc = rc == 0 && !sw.edits ? EXIT_SOFTWARE : rc;
    cefo_error err = {0};
    cefo_status st = CEFO_OK;
    cli_out o = {0};
    if (rc == 0) {
        memcpy(sw.edits, a.src.edits, a.src.nedits * sizeof *sw.edits);
        rc = setup(&sw, &err, &st);
    }
    if (rc == 0 && st == CEFO_OK && !a.out_dir)
        st = cli_out_open(&o, a.out, 1, &err);
    sw.fp = o.fp;
    if (rc == 0 && st == CEFO_OK)
        rc = run_points(&sw, &err, &st);
    if (o.path) { /* an error before the writing keeps its own place */
        cefo_error keep = err;
        cefo_status c_st = cli_out_close(&o, st, &keep);
        if (st == CEFO_OK)
            st = c_st, err = keep;
    }
    if (rc >= 0 && st != CEFO_OK)
        rc = cli_report(&err, st);
    cefo_problem_free(sw.prob);
    cefo_network_free(sw.net);
    cefo_scenarios_free(sw.s);
    free(sw.targets);
    free(sw.edits);
    cli_args_free(&c);
    return rc < 0 ? 0 : rc;
}
