/* common.c - diagnostics and exit codes shared by the cefo commands. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static int exit_code(cefo_status st)
{
    switch (st) {
    case CEFO_OK: return EXIT_OPTIMAL;
    case CEFO_ERR_NOFILE: return EXIT_NOINPUT;
    case CEFO_ERR_PARSE:
    case CEFO_ERR_INVALID:
    case CEFO_ERR_UNSUPPORTED: return EXIT_DATAERR;
    case CEFO_ERR_IO: return EXIT_IOERR;
    case CEFO_ERR_CREATE: return EXIT_CANTCREAT;
    case CEFO_ERR_NOMEM:
    case CEFO_ERR_ARG:
    case CEFO_ERR_SOLVER: break;
    }
    return EXIT_SOFTWARE;
}

int cli_report(const cefo_error *err, cefo_status st)
{
    const char *msg = err->message[0] ? err->message : cefo_strerror(st);
    if (err->file[0] && err->line > 0)
        fprintf(stderr, "%s:%d: %s\n", err->file, err->line, msg);
    else if (err->file[0])
        fprintf(stderr, "%s: %s\n", err->file, msg);
    else
        fprintf(stderr, "cefo: %s\n", msg);
    return exit_code(st);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "cefo %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'cefo %s --help'.\n", cmd);
    return EXIT_USAGE;
}

int cli_parse_format(const char *s, cefo_format *out)
{
    static const char *names[] = {"text", "json", "csv"};
    for (int i = 0; i < 3; i++) {
        if (strcmp(s, names[i]) == 0) {
            *out = (cefo_format)i;
            return 0;
        }
    }
    return -1;
}

void cli_hold_signals(sigset_t *old)
{
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    sigprocmask(SIG_BLOCK, &block, old);
}

void cli_release_signals(const sigset_t *old)
{
    sigprocmask(SIG_SETMASK, old, NULL);
}
