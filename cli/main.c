/* main.c - the cefo command line: a git-style table of commands. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const cli_command commands[] = {
    {"validate", "check a network file and report the first error with its line", cmd_validate},
    {"solve", "find the least-cost plan of a network and print it", cmd_solve},
    {"whatif", "solve the base and every scenario of a scenarios file, side by side", cmd_whatif},
    {"sweep", "solve for a range of one value, re-optimising in place; shardable", cmd_sweep},
    {"merge", "join the CSV results of sweep shards into one table", cmd_merge},
    {"pareto", "the frontier of total cost against one pollutant's total", cmd_pareto},
    {"rank", "what each optional decision and each firm is worth, projects to recruit first",
     cmd_rank},
    {"report", "one self-contained HTML page: the plan, its Sankey diagram, scenarios", cmd_report},
    {"export", "write the model as MPS or CPLEX LP, or the plan as a Graphviz graph", cmd_export},
    {"leontief", "input-output analysis of a table or a network: output, multipliers, footprints",
     cmd_leontief},
    {"footprint", "whole-chain emissions, imports and labour of each product of the plan",
     cmd_footprint},
};

static void usage(FILE *fp)
{
    fprintf(fp, "usage: cefo <command> [options] FILE\n\nCommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(fp, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(fp, "\n'cefo <command> --help' describes one command; 'cefo --version' the version.\n"
                "Exit codes: 0 optimal or done, 1 solved without an optimum, 64 usage,\n"
                "65 invalid input, 66 no input file, 70 internal error, 73 cannot create\n"
                "output, 74 I/O error.\n");
}

static int run(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0
        || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("cefo %s\n", cefo_version());
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "cefo: '%s' is not a cefo command. See 'cefo --help'.\n", argv[1]);
    return EXIT_USAGE;
}

int main(int argc, char **argv)
{
    cli_signals_init();
    return cli_close_stdout(run(argc, argv));
}
