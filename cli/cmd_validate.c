/* cmd_validate.c - `cefo validate FILE`: load and check a network, report the first error. */
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"

static int cmd_validate(int argc, char **argv);

const cli_spec spec_validate = {
    .name = "validate",
    .summary = "check a network file and report the first error with its line",
    .operands = "FILE",
    .min_operands = 1,
    .max_operands = 1,
    .operands_error = "expects exactly one FILE",
    .about = "Checks a cluster network file against the format (docs/network-format.md):\n"
             "well-formed XML, known elements and attributes, numbers, unique ids, resolvable\n"
             "references and links consistent with recipes. Prints a summary on success (the\n"
             "counts of materials, pollutants, processes and links); otherwise the first error\n"
             "as FILE:LINE: message on stderr. What is accepted but likely unmeant (a consumer\n"
             "of a linked material that no link supplies) is a warning, FILE:LINE: warning:\n"
             "message on stderr. With a scenario or edits, the edited network is checked.",
    .common = CLI_O_TABLE | CLI_O_SOURCE,
    .exits = "Exit: 0 valid (warnings included); 64 usage; 65 invalid; 66 no FILE; 73 cannot\n"
             "create OUT.",
    .run = cmd_validate,
};

static const cefo_item kinds[] = {CEFO_MATERIAL, CEFO_POLLUTANT, CEFO_PROCESS, CEFO_LINK};
static const char *const kind_names[] = {"materials", "pollutants", "processes", "links"};

/* The summary in the format asked for; the path as a JSON string or CSV cell. */
static void summary(FILE *fp, const char *path, const cefo_network *net, cefo_format format)
{
    if (format == CEFO_FORMAT_TEXT)
        fprintf(fp, "%s: valid network:", path);
    else if (format == CEFO_FORMAT_JSON)
        fputs("{\"file\": ", fp), cli_json_string(fp, path), fputs(", \"valid\": true", fp);
    else
        fputs("file,valid,materials,pollutants,processes,links\n", fp), cli_csv_string(fp, path),
            fputs(",true", fp);
    for (int k = 0; k < 4; k++) {
        size_t n = cefo_network_count(net, kinds[k]);
        if (format == CEFO_FORMAT_TEXT)
            fprintf(fp, "%s %zu %s", k ? "," : "", n, kind_names[k]);
        else if (format == CEFO_FORMAT_JSON)
            fprintf(fp, ", \"%s\": %zu", kind_names[k], n);
        else
            fprintf(fp, ",%zu", n);
    }
    fputs(format == CEFO_FORMAT_JSON ? "}\n" : "\n", fp);
}

static int cmd_validate(int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(&spec_validate, argc, argv, &a, NULL, NULL);
    if (rc != 0) {
        cli_args_free(&a);
        return rc == CLI_HELP ? 0 : rc;
    }
    const char *path = a.operand[0];
    cefo_network *net = NULL;
    cefo_error err = {0};
    cli_out o;
    cefo_status st = cli_load_network(&a.src, path, &net, &err);
    if (st == CEFO_OK) {
        cli_warnings(net);
        st = cli_out_open(&o, a.out, 1, &err);
        if (st == CEFO_OK) {
            summary(o.fp, cefo_network_file(net), net, a.format);
            st = cli_out_close(&o, CEFO_OK, &err);
        }
    }
    rc = st != CEFO_OK ? cli_report(&err, st) : 0;
    cefo_network_free(net);
    cli_args_free(&a);
    return rc;
}
