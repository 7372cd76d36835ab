/* cmd_leontief.c - `cefo leontief FILE`: Leontief / waste input-output analysis. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static int cmd_leontief(int argc, char **argv);

enum { OPT_INVERSE = 1, OPT_DEMAND, OPT_RCOND_MIN };
static const cli_option options[] = {
    {OPT_INVERSE, 0, "inverse", NULL, "also report the Leontief inverse (n x n)", NULL, 0},
    {OPT_DEMAND, 0, "demand", "SECTOR=Y",
     "analyse with final demand Y for SECTOR (repeatable; other\nsectors keep the table's final "
     "demand)", NULL, 0},
    {OPT_RCOND_MIN, 0, "rcond-min", "R",
     "refuse I - A whose reciprocal condition number is below R\n(default 1e-12)", NULL, 0},
    {0, 0, NULL, NULL, "a scenarios file, to edit a <network> before its\ninput-output view is "
     "taken ...", NULL, CLI_O_SCENARIOS},
    {0},
};

const cli_spec spec_leontief = {
    .name = "leontief",
    .summary = "input-output analysis of a table or a network: output, multipliers, footprints",
    .operands = "FILE",
    .min_operands = 1,
    .max_operands = 1,
    .operands_error = "expects exactly one FILE",
    .about = "Input-output analysis of an <iotable> (Leontief, or waste input-output when it has\n"
             "<waste> rows), or of a <network> whose products each have one producing process:\n"
             "total output for a final demand, output multipliers, and for every extension its\n"
             "direct and total intensities and footprints by final-demand sector\n"
             "(docs/leontief.md).",
    .common = CLI_O_TABLE | CLI_O_SOURCE | CLI_O_OUTSIDE_SRC,
    .opts = options,
    .exits = "Exit: 0 done; 64 usage; 65 invalid input, or I - A singular or not productive;\n"
             "66 no FILE; 73 cannot create OUT.",
    .run = cmd_leontief,
};

typedef struct leontief_args {
    cli_source src;
    const char *path;
    const char *out;
    cefo_format format;
    cefo_io_options opt;
    unsigned load_flags; /* cefo_load_flag */
    char **demands; /* SECTOR=VALUE strings from argv */
    int ndemands;
} leontief_args;

static int own_option(void *ctx, cli_args *c, int id, char *arg)
{
    leontief_args *a = ctx;
    (void)c;
    if (id == OPT_INVERSE) {
        a->opt.inverse = 1;
    } else if (id == OPT_DEMAND) {
        if (!strchr(arg, '='))
            return cli_usage_error("leontief", "--demand needs SECTOR=VALUE");
        a->demands[a->ndemands++] = arg;
    } else {
        return cli_double_arg("leontief", "--rcond-min", arg, 0, DBL_MAX, 0, &a->opt.rcond_min);
    }
    return 0;
}

static int parse(int argc, char **argv, leontief_args *a, cli_args *c)
{
    cefo_io_options_init(&a->opt);
    int rc = cli_parse(&spec_leontief, argc, argv, c, own_option, a);
    if (rc == 0) {
        a->src = c->src;
        a->out = c->out;
        a->format = c->format;
        a->load_flags = c->load_flags;
        a->path = c->operand[0];
    }
    return rc;
}

/* The table's final demand with the --demand overrides applied. */
static int apply_demands(const leontief_args *a, const cefo_iotable *t, double *y)
{
    cefo_iotable_final_demand(t, y);
    for (int i = 0; i < a->ndemands; i++) {
        char *eq = strchr(a->demands[i], '=');
        size_t k;
        double v;
        *eq = '\0';
        int found = cefo_iotable_find(t, a->demands[i], &k) == CEFO_OK;
        *eq = '=';
        if (!found)
            return cli_usage_error("leontief", "--demand %s: no such sector", a->demands[i]);
        if (cli_double_arg("leontief", "--demand", eq + 1, -DBL_MAX, DBL_MAX, 0, &v))
            return EXIT_USAGE;
        y[k] = v;
    }
    return 0;
}

static int cmd_leontief(int argc, char **argv)
{
    leontief_args a = {0};
    a.demands = calloc((size_t)argc, sizeof *a.demands);
    if (!a.demands)
        return EXIT_SOFTWARE;
    cli_args c;
    int rc = parse(argc, argv, &a, &c);
    cefo_iotable *t = NULL;
    cefo_io_result *res = NULL;
    cefo_error err = {0};
    double *y = NULL;
    cefo_status st = CEFO_OK;
    if (rc != 0)
        goto done;
    if (a.src.scenarios || a.src.nedits) { /* edits apply to a network, then its IO view */
        cefo_network *net = NULL;
        st = cli_load_network(&a.src, a.path, &net, &err);
        if (st == CEFO_OK)
            st = cefo_iotable_from_network(&t, net, &err);
        cefo_network_free(net);
    } else {
        cli_input(a.path);
        st = cli_iotable_load(a.path, a.load_flags, &t, &err);
        for (size_t i = 0; cefo_iotable_input(t, i); i++)
            cli_input(cefo_iotable_input(t, i));
    }
    if (st == CEFO_OK && a.ndemands) {
        y = calloc(cefo_iotable_size(t) + 1, sizeof *y);
        if (!y) {
            rc = EXIT_SOFTWARE;
            goto done;
        }
        rc = apply_demands(&a, t, y);
        a.opt.final_demand = y;
        if (rc != 0)
            goto done;
    }
    if (st == CEFO_OK)
        st = cefo_iotable_analyse(t, &a.opt, &res, &err);
    cli_out o;
    if (st == CEFO_OK && (st = cli_out_open(&o, a.out, 1, &err)) == CEFO_OK)
        st = cli_out_close(&o, cefo_io_result_write(res, o.fp, a.format, &err), &err);
    if (st != CEFO_OK)
        rc = cli_report(&err, st);
done:
    cefo_io_result_free(res);
    cefo_iotable_free(t);
    free(y);
    free(a.demands);
    cli_args_free(&c);
    return rc < 0 ? 0 : rc;
}
