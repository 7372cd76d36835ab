/* cmd_validate.c - `cefo validate FILE`: load and check a network, report the first error. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"

static const char help[] =
    "usage: cefo validate FILE [--scenarios S --scenario ID] [--set|--scale|--remove ...]\n\n"
    "Checks a cluster network file against the format (docs/network-format.md): well-formed\n"
    "XML, known elements and attributes, numbers, unique ids, resolvable references and\n"
    "links consistent with recipes. Prints a one-line summary on success; otherwise the\n"
    "first error as FILE:LINE: message on stderr and exits 65 (66 if FILE is missing).\n"
    "What is accepted but likely unmeant (a consumer of a linked material that no link\n"
    "supplies) is a warning, FILE:LINE: warning: message on stderr, with exit 0.\n"
    "With a scenario or edits, the edited network is checked.\n\n" CLI_SOURCE_HELP;

int cmd_validate(int argc, char **argv)
{
    static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, CLI_SOURCE_OPTIONS,
                                         {0}};
    int c, rc = 0;
    cli_source src = {.edits = calloc((size_t)argc + 1, sizeof(cefo_edit))};
    if (!src.edits)
        return EXIT_SOFTWARE;
    optind = 1;
    opterr = 0;
    while (rc == 0 && (c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        if (c == 'h') {
            fputs(help, stdout);
            free(src.edits);
            return 0;
        }
        rc = cli_other_option(&src, c, optarg, "validate", argv[optind - 1]);
    }
    if (rc == 0 && optind != argc - 1)
        rc = cli_usage_error("validate", "expects exactly one FILE");
    if (rc != 0) {
        free(src.edits);
        return rc;
    }
    const char *path = argv[optind];
    cefo_network *net = NULL;
    cefo_error err = {0};
    cefo_status st = cli_load_network(&src, path, &net, &err);
    free(src.edits);
    if (st != CEFO_OK)
        return cli_report(&err, st);
    cli_warnings(net);
    printf("%s: valid network: %zu materials, %zu pollutants, %zu processes, %zu links\n", path,
           cefo_network_count(net, CEFO_MATERIAL), cefo_network_count(net, CEFO_POLLUTANT),
           cefo_network_count(net, CEFO_PROCESS), cefo_network_count(net, CEFO_LINK));
    cefo_network_free(net);
    return 0;
}
