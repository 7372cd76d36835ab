/* cmd_leontief.c - `cefo leontief FILE`: Leontief / waste input-output analysis. */
#include <float.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char help[] =
    "usage: cefo leontief FILE [--format text|json|csv] [-o OUT] [options]\n\n"
    "Input-output analysis of an <iotable> (Leontief, or waste input-output when it has\n"
    "<waste> rows), or of a <network> whose products each have one producing process:\n"
    "total output for a final demand, output multipliers, and for every extension its\n"
    "direct and total intensities and footprints by final-demand sector (docs/leontief.md).\n\n"
    "  -f, --format F          text (default), json or csv\n"
    "  -o, --output OUT        write to OUT atomically instead of stdout\n"
    "      --inverse           also report the Leontief inverse (n x n)\n"
    "      --demand SECTOR=Y   analyse with final demand Y for SECTOR (repeatable; other\n"
    "                          sectors keep the table's final demand)\n"
    "      --rcond-min R       refuse I - A whose reciprocal condition number is below R\n"
    "                          (default 1e-12)\n"
    "      --allow-outside-src read src= files outside the folder of FILE too (refused by\n"
    "                          default: a table from elsewhere must not read your files)\n"
    "      --scenarios S --scenario ID, --set, --scale, --remove\n"
    "                          edit a <network> before its input-output view is taken\n"
    "  -h, --help              this text\n\n"
    "Exit: 0 done; 64 usage; 65 invalid input, or I - A singular or not productive;\n"
    "66 no FILE; 73 cannot create OUT.\n";

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

static int parse(int argc, char **argv, leontief_args *a)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
        {"inverse", no_argument, NULL, 'I'},      {"demand", required_argument, NULL, 'd'},
        {"rcond-min", required_argument, NULL, 'r'}, {"help", no_argument, NULL, 'h'},
        {"allow-outside-src", no_argument, NULL, 'A'},
        CLI_SOURCE_OPTIONS, {0}};
    int c;
    optind = 1;
    opterr = 0;
    cefo_io_options_init(&a->opt);
    while ((c = getopt_long(argc, argv, ":f:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(help, stdout); return -1;
        case 'f':
            if (cli_parse_format(optarg, &a->format) != 0)
                return cli_usage_error("leontief", "unknown format '%s'", optarg);
            break;
        case 'o': a->out = optarg; break;
        case 'I': a->opt.inverse = 1; break;
        case 'A': a->load_flags |= CEFO_LOAD_SRC_ANYWHERE; break;
        case 'd':
            if (!strchr(optarg, '='))
                return cli_usage_error("leontief", "--demand needs SECTOR=VALUE");
            a->demands[a->ndemands++] = optarg;
            break;
        case 'r':
            if (cli_double_arg("leontief", "--rcond-min", optarg, 0, DBL_MAX, 0,
                               &a->opt.rcond_min))
                return EXIT_USAGE;
            break;
        default:
            if (cli_other_option(&a->src, c, optarg, "leontief", argv[optind - 1]) != 0)
                return EXIT_USAGE;
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("leontief", "expects exactly one FILE");
    a->path = argv[optind];
    return 0;
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

int cmd_leontief(int argc, char **argv)
{
    leontief_args a = {0};
    a.demands = calloc((size_t)argc, sizeof *a.demands);
    a.src.edits = calloc((size_t)argc + 1, sizeof *a.src.edits);
    if (!a.demands || !a.src.edits) {
        free(a.demands);
        free(a.src.edits);
        return EXIT_SOFTWARE;
    }
    int rc = parse(argc, argv, &a);
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
        st = cefo_iotable_load_file_flags(&t, a.path, a.load_flags, &err);
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
    free(a.src.edits);
    return rc < 0 ? 0 : rc;
}
