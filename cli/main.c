/* main.c - the cefo command line: a git-style table of commands. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const cli_spec *const commands[] = {
    &spec_validate, &spec_solve, &spec_whatif, &spec_sweep, &spec_merge, &spec_pareto,
    &spec_rank, &spec_report, &spec_export, &spec_leontief, &spec_footprint,
};
#define NCOMMANDS (sizeof commands / sizeof *commands)

static void usage(FILE *fp)
{
    fprintf(fp, "usage: cefo <command> [options] FILE\n\nCommands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(fp, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
    fprintf(fp, "\n'cefo <command> --help' or 'cefo help <command>' describes one command;\n"
                "'cefo --version' the version; 'cefo --man' prints the man page cefo(1).\n%s\n",
            cli_exit_codes);
}

static const char *command_name(const void *ctx, size_t i)
{
    (void)ctx;
    return commands[i]->name;
}

static const cli_spec *find(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(name, commands[i]->name) == 0)
            return commands[i];
    const char *near = cli_nearest(name, command_name, NULL, NCOMMANDS);
    if (near)
        fprintf(stderr, "cefo: '%s' is not a cefo command; did you mean '%s'? See 'cefo --help'.\n",
                name, near);
    else
        fprintf(stderr, "cefo: '%s' is not a cefo command. See 'cefo --help'.\n", name);
    return NULL;
}

static int run(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "help") == 0 && argc == 3) {
        const cli_spec *c = find(argv[2]);
        if (!c)
            return EXIT_USAGE;
        cli_help(c, stdout);
        return 0;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0
        || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return argc <= 2 ? 0 : EXIT_USAGE;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("cefo %s\n", cefo_version());
        return 0;
    }
    if (strcmp(argv[1], "--man") == 0) {
        cli_man(stdout, commands, NCOMMANDS);
        return 0;
    }
    const cli_spec *c = find(argv[1]);
    return c ? c->run(argc - 1, argv + 1) : EXIT_USAGE;
}

int main(int argc, char **argv)
{
    cli_signals_init();
    return cli_close_stdout(run(argc, argv));
}
