/* cmd_report.c - `cefo report FILE -o report.html`: one page a planner can show. */
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"

static int cmd_report(int argc, char **argv);

static const cli_option options[] = {
    {0, 0, NULL, NULL, "the HTML file (written atomically; - is standard output)", NULL,
     CLI_O_OUTPUT},
    {0, 0, NULL, NULL, "compare the base with every scenario of S", NULL, CLI_O_SCENARIOS},
    {0, 0, NULL, NULL, "... or with scenario ID of S only", NULL, CLI_O_SCENARIO},
    {0},
};

const cli_spec spec_report = {
    .name = "report",
    .summary = "one self-contained HTML page: the plan, its Sankey diagram, scenarios",
    .operands = "FILE -o OUT.html",
    .min_operands = 1,
    .max_operands = 1,
    .operands_error = "expects FILE and -o OUT.html",
    .about = "Writes one self-contained HTML page (no scripts, fonts or network access): the\n"
             "plan's status and total cost, a Sankey diagram of the material flows (processes by\n"
             "name, product and waste chains in their colours, imports, exports, discharges and\n"
             "each pollutant at the edges, recycling loops drawn, amounts on the larger flows),\n"
             "cost breakdown, emissions against caps, indicators, the largest emitters by firm\n"
             "and sector, activities, link flows, materials with shadow prices, the footprints\n"
             "of the final products, decisions, the diagnosis of an infeasible model; with\n"
             "--scenarios, every scenario (or the one --scenario names) compared with the base\n"
             "(docs/report.md).",
    .common = CLI_O_OUTPUT | CLI_O_SOURCE | CLI_O_ENGINE,
    .opts = options,
    .exits = "Exit: 0 when every plan is optimal; 1 when some is not (the report is still\n"
             "written); 64 usage; 65 invalid input; 66 no FILE; 73 cannot create OUT.",
    .run = cmd_report,
};

static int cmd_report(int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(&spec_report, argc, argv, &a, NULL, NULL);
    if (rc == 0 && !a.out)
        rc = cli_usage_error("report", "expects FILE and -o OUT.html");
    if (rc != 0) {
        cli_args_free(&a);
        return rc == CLI_HELP ? 0 : rc;
    }
    cefo_error err = {0};
    cli_runs runs;
    cefo_status st = cli_runs_solve(&runs, &a.src, a.operand[0], a.src.scenarios, &err);
    if (st == CEFO_OK)
        rc = cli_runs_explain(&runs, a.operand[0]);
    cli_out o;
    if (st == CEFO_OK && (st = cli_out_open(&o, a.out, 1, &err)) == CEFO_OK)
        st = cli_out_close(&o, cefo_report_write((const cefo_result *const *)runs.res,
                                                 runs.labels, runs.n, o.fp, &err), &err);
    if (st != CEFO_OK)
        rc = cli_report(&err, st);
    cli_runs_free(&runs);
    cli_args_free(&a);
    return rc;
}
