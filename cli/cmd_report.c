/* cmd_report.c - `cefo report FILE -o report.html`: one page a planner can show. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"

static const char help[] =
    "usage: cefo report FILE -o OUT.html [--scenarios S] [edits]\n\n"
    "Writes one self-contained HTML page (no scripts, fonts or network access): the plan's\n"
    "status and total cost, cost breakdown, emissions against caps, indicators, decisions,\n"
    "the diagnosis of an infeasible model, and a Sankey diagram of the material flows\n"
    "(product and waste chains in their colours, imports, exports and discharges at the\n"
    "edges, recycling loops drawn, amounts on hover); with --scenarios, every scenario\n"
    "compared with the base (docs/report.md).\n\n"
    "  -o, --output OUT    the HTML file (written atomically)\n"
    "      --scenarios S   compare the base with every scenario of S\n" CLI_SOURCE_HELP CLI_SOLVER_HELP
    "  -h, --help          this text\n\n"
    "Exit: 0 when every plan is optimal; 1 when some is not (the report is still written);\n"
    "64 usage; 65 invalid input; 66 no FILE; 73 cannot create OUT.\n";

int cmd_report(int argc, char **argv)
{
    static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
                                         {"help", no_argument, NULL, 'h'}, CLI_SOURCE_OPTIONS, CLI_SOLVER_OPTIONS,
                                         {0}};
    cli_source src = {.edits = calloc((size_t)argc + 1, sizeof(cefo_edit))};
    const char *out = NULL;
    int c, rc = src.edits ? 0 : EXIT_SOFTWARE;
    optind = 1;
    opterr = 0;
    while (rc == 0 && (c = getopt_long(argc, argv, ":o:h", opts, NULL)) != -1) {
        if (c == 'h') {
            fputs(help, stdout);
            free(src.edits);
            return 0;
        } else if (c == 'o') {
            out = optarg;
        } else if (c >= OPT_SCENARIOS && c < OPT_NEXT && c != OPT_SCENARIO) {
            rc = cli_source_option(&src, c, optarg, "report");
        } else {
            rc = cli_option_error("report", c, argv[optind - 1]);
        }
    }
    if (rc == 0 && (optind != argc - 1 || !out))
        rc = cli_usage_error("report", "expects FILE and -o OUT.html");
    if (rc != 0) {
        free(src.edits);
        return rc;
    }
    cefo_error err = {0};
    cli_runs runs;
    cefo_status st = cli_runs_solve(&runs, &src, argv[optind], src.scenarios, &err);
    if (st == CEFO_OK && !cli_runs_all_optimal(&runs))
        rc = EXIT_NOT_OPTIMAL;
    cli_out o;
    if (st == CEFO_OK && (st = cli_out_open(&o, out, 1, &err)) == CEFO_OK)
        st = cli_out_close(&o, cefo_report_write((const cefo_result *const *)runs.res,
                                                 runs.labels, runs.n, o.fp, &err), &err);
    if (st != CEFO_OK)
        rc = cli_report(&err, st);
    cli_runs_free(&runs);
    free(src.edits);
    return rc;
}
