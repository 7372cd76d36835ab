/* cli.h - what the cefo commands share: exit codes, diagnostics, common options. */
#ifndef CEFO_CLI_H
#define CEFO_CLI_H

#include <cefo/cefo.h>
#include <signal.h>

/* Exit codes (sysexits where one fits; spec section 4). */
enum {
    EXIT_OPTIMAL = 0,
    EXIT_NOT_OPTIMAL = 1,
    EXIT_USAGE = 64,
    EXIT_DATAERR = 65,
    EXIT_NOINPUT = 66,
    EXIT_SOFTWARE = 70,
    EXIT_CANTCREAT = 73,
    EXIT_IOERR = 74,
    EXIT_INTERRUPTED = 130
};

typedef struct cli_command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
} cli_command;

int cmd_validate(int argc, char **argv);
int cmd_solve(int argc, char **argv);
int cmd_leontief(int argc, char **argv);

/* Prints `FILE:LINE: message` (or `FILE: message`) on stderr; returns the exit code of err. */
int cli_report(const cefo_error *err, cefo_status st);

/* Prints `cefo CMD: message` and a hint to --help on stderr; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Interrupts wait while an output file is written and renamed (then take effect). */
void cli_hold_signals(sigset_t *old);
void cli_release_signals(const sigset_t *old);

/* Parses text|json|csv; returns 0, or -1 for an unknown name. */
int cli_parse_format(const char *s, cefo_format *out);

#endif
