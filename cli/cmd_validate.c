/* cmd_validate.c - `cefo validate FILE`: load and check a network, report the first error. */
#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"

static const char help[] =
    "usage: cefo validate FILE\n\n"
    "Checks a cluster network file against the format (docs/network-format.md): well-formed\n"
    "XML, known elements and attributes, numbers, unique ids, resolvable references and\n"
    "links consistent with recipes. Prints a one-line summary on success; otherwise the\n"
    "first error as FILE:LINE: message on stderr and exits 65 (66 if FILE is missing).\n";

int cmd_validate(int argc, char **argv)
{
    static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (c == 'h') {
            fputs(help, stdout);
            return 0;
        }
        return cli_usage_error("validate", "unknown option");
    }
    if (optind != argc - 1)
        return cli_usage_error("validate", "expects exactly one FILE");
    const char *path = argv[optind];
    cefo_network *net = NULL;
    cefo_error err = {0};
    cefo_status st = cefo_network_load_file(&net, path, &err);
    if (st != CEFO_OK)
        return cli_report(&err, st);
    printf("%s: valid network: %zu materials, %zu pollutants, %zu processes, %zu links\n", path,
           cefo_network_count(net, CEFO_MATERIAL), cefo_network_count(net, CEFO_POLLUTANT),
           cefo_network_count(net, CEFO_PROCESS), cefo_network_count(net, CEFO_LINK));
    cefo_network_free(net);
    return 0;
}
