/* cmd_rank.c - `cefo rank FILE`: what each optional decision and each firm is worth. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char help[] =
    "usage: cefo rank FILE [--decisions SEL] [--format text|json|csv] [-o OUT] [options]\n\n"
    "Values each optional process, optional link and group (a firm, a candidate plant, a\n"
    "recycler): value = the total cost with it forbidden minus the optimum (what the cluster\n"
    "saves by having it), regret = the total cost with it forced on minus the optimum (what\n"
    "forcing an unchosen one costs), and whether the optimum chose it; sorted by value, which\n"
    "projects to recruit first. Each re-solve starts from the solved model (docs/rank.md).\n\n"
    "      --decisions SEL  only the decisions of the elements XPath SEL picks, e.g.\n"
    "                       \"//process[@sector='recycling']\" (a group member stands for its\n"
    "                       group)\n"
    "  -f, --format F       text (default), json or csv\n"
    "  -o, --output OUT     write to OUT (atomically) instead of stdout\n"
    "      --shard K/M      only decisions K, K+M, K+2M... of the list (K from 0)\n"
    "      --out-dir DIR    one CSV file per decision, DIR/decision-NNNNNN.csv, written\n"
    "                       atomically; a rerun skips those there (then cefo merge)\n"
    "      --gap G          MIP: relative gap of every solve (default: to optimality)\n"
    CLI_SOURCE_HELP CLI_SOLVER_HELP
    "  -h, --help           this text\n\n"
    "Exit: 0 done; 64 usage; 65 invalid input or no plan to rank against; 66 no FILE;\n"
    "70 internal error; 73 cannot create OUT.\n";

typedef struct rank_args {
    cli_source src;
    const char *path, *out, *sel, *out_dir;
    cefo_format format;
    long shard, nshards;
    double gap;
} rank_args;

static int parse(int argc, char **argv, rank_args *a)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
        {"decisions", required_argument, NULL, 'd'}, {"shard", required_argument, NULL, 'k'},
        {"out-dir", required_argument, NULL, 'D'}, {"gap", required_argument, NULL, 'g'},
        {"help", no_argument, NULL, 'h'}, CLI_SOURCE_OPTIONS, CLI_SOLVER_OPTIONS, {0}};
    int c, rc = 0;
    optind = 1;
    opterr = 0;
    a->nshards = 1;
    while (rc == 0 && (c = getopt_long(argc, argv, ":f:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(help, stdout); return -1;
        case 'f':
            if (cli_parse_format(optarg, &a->format) != 0)
                rc = cli_usage_error("rank", "unknown format '%s'", optarg);
            break;
        case 'o': a->out = optarg; break;
        case 'd': a->sel = optarg; break;
        case 'D': a->out_dir = optarg; break;
        case 'g': rc = cli_double_arg("rank", "--gap", optarg, 0, 1, CLI_OPEN_HI, &a->gap); break;
        case 'k': rc = cli_shard_arg("rank", optarg, 1000000, &a->shard, &a->nshards); break;
        default: rc = cli_other_option(&a->src, c, optarg, "rank", argv[optind - 1]);
        }
    }
    if (rc == 0 && optind != argc - 1)
        rc = cli_usage_error("rank", "expects exactly one FILE");
    if (rc == 0 && a->out && a->out_dir)
        rc = cli_usage_error("rank", "--output and --out-dir exclude each other");
    if (rc == 0)
        a->path = argv[optind];
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
        st = cefo_network_select(a->path, s, id, a->src.edits, a->src.nedits, sel, t, room,
                                 &n, NULL, err);
        if (st == CEFO_ERR_INVALID) {
            cefo_error e2 = {0};
            if (cefo_network_select(a->path, s, id, a->src.edits, a->src.nedits, alt, t, room,
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

int cmd_rank(int argc, char **argv)
{
    rank_args a = {0};
    a.src.edits = calloc((size_t)argc + 1, sizeof *a.src.edits);
    int rc = a.src.edits ? parse(argc, argv, &a) : EXIT_SOFTWARE;
    ranker r = {.a = &a};
    cefo_error err = {0};
    cefo_status st = CEFO_OK;
    if (rc == 0) {
        cefo_options opt = cli_options(&a.src);
        opt.mip_gap = a.gap;
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
    free(a.src.edits);
    return rc < 0 ? 0 : rc;
}
