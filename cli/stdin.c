/* stdin.c - "-" as the network FILE or the SCENARIOS file: standard input, read whole once, so
 * that a command loading its network again and again (each scenario, each sweep point) reads
 * the same bytes. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/* As the library's own cap on an input (a planner's cluster is far smaller). */
#define MAX_STDIN ((size_t)512 << 20)

static char *bytes;
static size_t nbytes;
static int read_done;

int cli_is_stdin(const char *path)
{
    return path && strcmp(path, "-") == 0;
}

const char *cli_name(const char *path)
{
    return cli_is_stdin(path) ? CLI_STDIN_NAME : path;
}

static cefo_status stdin_error(cefo_error *err, cefo_status code, const char *msg)
{
    *err = (cefo_error){.code = code};
    snprintf(err->file, sizeof err->file, "%s", CLI_STDIN_NAME);
    snprintf(err->message, sizeof err->message, "%s", msg);
    return code;
}

cefo_status cli_stdin(const char **data, size_t *len, cefo_error *err)
{
    size_t cap = nbytes;
    while (!read_done) {
        if (nbytes == cap) {
            cap = cap ? 2 * cap : 65536;
            char *grown = cap <= MAX_STDIN + 1 ? realloc(bytes, cap) : NULL;
            if (!grown)
                return stdin_error(err, cap > MAX_STDIN + 1 ? CEFO_ERR_INVALID : CEFO_ERR_NOMEM,
                                   cap > MAX_STDIN + 1 ? "input is too large"
                                                       : "out of memory reading it");
            bytes = grown;
        }
        size_t got = fread(bytes + nbytes, 1, cap - nbytes, stdin);
        nbytes += got;
        if (ferror(stdin))
            return stdin_error(err, CEFO_ERR_IO, strerror(errno ? errno : EIO));
        read_done = feof(stdin);
    }
    *data = bytes ? bytes : "";
    *len = nbytes;
    return CEFO_OK;
}

cefo_status cli_network_load(const char *path, const cefo_scenarios *s, const char *scenario,
                             const cefo_edit *edits, size_t nedits, cefo_network **out,
                             cefo_error *err)
{
    const char *data;
    size_t len;
    if (!cli_is_stdin(path))
        return cefo_network_load_edited(out, path, s, scenario, edits, nedits, err);
    cefo_status st = cli_stdin(&data, &len, err);
    return st != CEFO_OK ? st
                         : cefo_network_load_edited_memory(out, data, len, CLI_STDIN_NAME, s,
                                                           scenario, edits, nedits, err);
}

cefo_status cli_network_select(const char *path, const cefo_scenarios *s, const char *scenario,
                               const cefo_edit *edits, size_t nedits, const char *sel,
                               cefo_target *targets, size_t max, size_t *n,
                               cefo_network **net, cefo_error *err)
{
    const char *data;
    size_t len;
    if (!cli_is_stdin(path))
        return cefo_network_select(path, s, scenario, edits, nedits, sel, targets, max, n, net,
                                   err);
    cefo_status st = cli_stdin(&data, &len, err);
    return st != CEFO_OK ? st
                         : cefo_network_select_memory(data, len, CLI_STDIN_NAME, s, scenario,
                                                      edits, nedits, sel, targets, max, n, net,
                                                      err);
}

cefo_status cli_scenarios_load(const char *path, cefo_scenarios **out, cefo_error *err)
{
    const char *data;
    size_t len;
    if (!cli_is_stdin(path))
        return cefo_scenarios_load_file(out, path, err);
    cefo_status st = cli_stdin(&data, &len, err);
    return st != CEFO_OK ? st : cefo_scenarios_load_memory(out, data, len, CLI_STDIN_NAME, err);
}

cefo_status cli_iotable_load(const char *path, unsigned flags, cefo_iotable **out,
                             cefo_error *err)
{
    const char *data;
    size_t len;
    if (!cli_is_stdin(path))
        return cefo_iotable_load_file_flags(out, path, flags, err);
    cefo_status st = cli_stdin(&data, &len, err);
    return st != CEFO_OK ? st
                         : cefo_iotable_load_memory_flags(out, data, len, CLI_STDIN_NAME, flags,
                                                          err);
}
