/* cmd_rank.c - `cefo rank FILE`: what each optional decision and each firm is worth. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static int cmd_rank(int argc, char **argv);

enum { OPT_DECISIONS = 1, OPT_SHARD, OPT_OUT_DIR };
static const cli_option options[] = {
    {OPT_DECISIONS, 0, "decisions", "SEL",
     "only the decisions of the elements XPath SEL picks, e.g.\n\"//process[@sector='recycling']\" "
     "(a group member stands for\nits group)", NULL, 0},
    {OPT_SHARD, 0, "shard", "K/M", "only decisions K, K+M, K+2M... of the list (K from 0)", NULL,
     0},
    {OPT_OUT_DIR, 0, "out-dir", "DIR",
     "one CSV file per decision, DIR/decision-NNNNNN.csv, written\natomically; a rerun skips "
     "those there (then cefo merge)", NULL, 0},
    {0, 0, NULL, NULL, "MIP: relative gap of every solve (default: to optimality)", NULL,
     CLI_O_GAP},
    {0},
};

const cli_spec spec_rank = {
    .name = "rank",
    .summary = "what each optional decision and each firm is worth, projects to recruit first",
    .operands = "FILE",
    .min_operands = 1,
    .max_operands = 1,
    .operands_error = "expects exactly one FILE",
    .about = "Values each optional process, optional link and group (a firm, a candidate plant,\n"
             "a recycler): value = the total cost with it forbidden minus the optimum (what the\n"
             "cluster saves by having it), regret = the total cost with it forced on minus the\n"
             "optimum (what forcing an unchosen one costs), and whether the optimum chose it;\n"
             "sorted by value, which projects to recruit first. Each re-solve starts from the\n"
             "solved model (docs/rank.md).",
    .common = CLI_O_TABLE | CLI_O_SOURCE | CLI_O_ENGINE,
    .opts = options,
    .exits = "Exit: 0 done; 64 usage; 65 invalid input or no plan to rank against; 66 no FILE;\n"
             "70 internal error; 73 cannot create OUT.",
    .run = cmd_rank,
};

typedef struct rank_args {
    cli_source src;
    const char *path, *out, *sel, *out_dir;
    cefo_format format;
    long shard, nshards;
} rank_args;

static int own_option(void *ctx, cli_args *c, int id, char *arg)
{
    rank_args *a = ctx;
    (void)c;
    if (id == OPT_DECISIONS)
        a->sel = arg;
    else if (id == OPT_OUT_DIR)
        a->out_dir = arg;
    else
        return cli_shard_arg("rank", arg, 1000000, &a->shard, &a->nshards);
    return 0;
}

static int parse(int argc, char **argv, rank_args *a, cli_args *c)
{
    a->nshards = 1;
    int rc = cli_parse(&spec_rank, argc, argv, c, own_option, a);
    if (rc == 0 && c->out && a->out_dir)
        rc = cli_usage_error("rank", "--output and --out-dir exclude each other");
    if (rc == 0) {
        a->src = c->src;
        a->out = c->out;
        a->format = c->format;
        a->path = c->operand[0];
    }
    return rc;
}

/* The decisions SEL picks, once each, in decision order, into want[] (flags by number). */
static cefo_status select_decisions(const rank_args *a, const cefo_problem *prob,
                                    unsigned char *want, cefo_error *err)
{
    cefo_scenarios *s = NULL;
    const char *id = NULL;
    cefo_target *t = NULL;
    size_t n = 0, room = 0;
    char *alt = malloc(strlen(a->sel) + 8);
    cefo_status st = alt ? cli_source_scenario(&a->src, &s, &id, err)
                         : cli_arg_error(err, "out of memory");
    if (alt)
        sprintf(alt, "(%s)/@*", a->sel); /* elements stand for their attributes */
    for (int pass = 0; st == CEFO_OK && pass < 2; pass++) {
        const char *sel = a->sel;
        st = cli_network_select(a->path, s, id, a->src.edits, a->src.nedits, sel, t, room,
                                 &n, NULL, err);
        if (st == CEFO_ERR_INVALID) {
            cefo_error e2 = {0};
            if (cli_network_select(a->path, s, id, a->src.edits, a->src.nedits, alt, t, room,
                                    &n, NULL, &e2) == CEFO_OK)
                st = CEFO_OK, sel = alt;
        }
        if (st != CEFO_OK || n <= room)
            break;
        free(t);
        room = n;
        t = calloc(room, sizeof *t);
        if (!t)
            st = cli_arg_error(err, "out of memory");
    }
    for (size_t i = 0; st == CEFO_OK && i < n; i++) {
        size_t d;
        if (cefo_problem_decision_of(prob, t[i].kind, t[i].index, &d) != CEFO_OK)
            st = cli_arg_error(err, "--decisions picks an element that is no decision (an "
                                    "optional process or link, or a group member)");
        else
            want[d] = 1;
    }
    free(t);
    free(alt);
    cefo_scenarios_free(s);
    return st;
}

typedef struct ranker {
    const rank_args *a;
    cefo_network *net;
    cefo_problem *prob;
    size_t *which;
    size_t n;
    cefo_rank_row *rows;
    double optimum;
} ranker;

static cefo_status plan(ranker *r, cefo_error *err)
{
    const rank_args *a = r->a;
    size_t total = cefo_problem_decision_count(r->prob), k = 0;
    unsigned char *want = calloc(total + 1, 1);
    r->which = calloc(total + 1, sizeof *r->which);
    r->rows = calloc(total + 1, sizeof *r->rows);
    if (!want || !r->which || !r->rows) {
        free(want);
        return cli_arg_error(err, "out of memory");
    }
    cefo_status st = a->sel ? select_decisions(a, r->prob, want, err) : CEFO_OK;
    for (size_t d = 0; d < total && st == CEFO_OK; d++) {
        if (a->sel && !want[d])
            continue;
        char file[4096];
        if (k++ % (size_t)a->nshards != (size_t)a->shard)
            continue;
        if (a->out_dir && cli_batch_file(file, sizeof file, a->out_dir, "decision", (long)d))
            continue; /* written by an earlier run */
        r->which[r->n++] = d;
    }
    free(want);
    return st;
}

/* One table of ranked rows to `path` (standard output for NULL), as every command writes. */
static cefo_status write_rows(const ranker *r, const cefo_rank_row *rows, size_t n,
                              const char *path, cefo_format format, cefo_error *err)
{
    cli_out o;
    cefo_status st = cli_out_open(&o, path, 1, err);
    if (st == CEFO_OK)
        st = cli_out_close(&o, cefo_rank_write(r->net, rows, n, r->optimum, o.fp, format, err),
                           err);
    return st;
}

static cefo_status write_out(ranker *r, cefo_error *err)
{
    const rank_args *a = r->a;
    if (!a->out_dir)
        return write_rows(r, r->rows, r->n, a->out, a->format, err);
    cefo_status st = CEFO_OK;
    for (size_t i = 0; i < r->n && st == CEFO_OK; i++) {
        char file[4096];
        cli_batch_file(file, sizeof file, a->out_dir, "decision", (long)r->rows[i].decision);
        st = write_rows(r, &r->rows[i], 1, file, CEFO_FORMAT_CSV, err);
    }
    return st;
}

static int cmd_rank(int argc, char **argv)
{
    rank_args a = {0};
    cli_args c;
    int rc = parse(argc, argv, &a, &c);
    ranker r = {.a = &a};
    cefo_error err = {0};
    cefo_status st = CEFO_OK;
    if (rc == 0) {
        cefo_options opt = cli_options(&a.src);
        opt.mip_gap = a.src.gap_given ? a.src.gap : 0; /* every value to optimality */
        st = cli_load_network(&a.src, a.path, &r.net, &err);
        if (st == CEFO_OK)
            st = cefo_problem_build(&r.prob, r.net, &err);
        if (st == CEFO_OK)
            st = plan(&r, &err);
        if (st == CEFO_OK && (r.n || !a.out_dir))
            st = cefo_problem_rank(r.prob, &opt, r.which, r.n, r.rows, &r.optimum, &err);
        if (st == CEFO_OK)
            st = write_out(&r, &err);
        if (st != CEFO_OK)
            rc = cli_report(&err, st);
    }
    free(r.which);
    free(r.rows);
    cefo_problem_free(r.prob);
    cefo_network_free(r.net);
    cli_args_free(&c);
    return rc < 0 ? 0 : rc;
}
