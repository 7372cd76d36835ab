/* cli.h - what the cefo commands share: exit codes, diagnostics, common options. */
#ifndef CEFO_CLI_H
#define CEFO_CLI_H

#include <cefo/cefo.h>
#include <stdio.h>

/* Exit codes (sysexits where one fits; spec section 4). */
enum {
    EXIT_OPTIMAL = 0,
    EXIT_NOT_OPTIMAL = 1,
    EXIT_USAGE = 64,
    EXIT_DATAERR = 65,
    EXIT_NOINPUT = 66,
    EXIT_UNAVAILABLE = 69,
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
int cmd_footprint(int argc, char **argv);
int cmd_whatif(int argc, char **argv);
int cmd_sweep(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_pareto(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_rank(int argc, char **argv);

cefo_status cli_arg_error(cefo_error *err, const char *msg);

/* Prints `FILE:LINE: message` (or `FILE: message`) on stderr; returns the exit code of err. */
int cli_report(const cefo_error *err, cefo_status st);

/* Prints the network's warnings as `FILE:LINE: warning: message` on stderr. */
void cli_warnings(const cefo_network *net);

/* Prints `cefo CMD: message` and a hint to --help on stderr; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Where a command's network comes from: a file, a scenario of a scenarios file, edits. */
typedef struct cli_source {
    const char *scenarios;  /* --scenarios FILE */
    const char *scenario;   /* --scenario ID */
    cefo_edit *edits;       /* --set, --scale, --remove, in command-line order */
    size_t nedits;
    cefo_solver solver;     /* --solver (commands that solve) */
    const char *solver_log; /* --solver-log FILE */
} cli_source;

/* getopt_long codes of the source options, and their entries for an option table. */
enum {
    OPT_SCENARIOS = 256,
    OPT_SCENARIO,
    OPT_SET,
    OPT_SCALE,
    OPT_REMOVE,
    OPT_SOLVER,
    OPT_SOLVER_LOG,
    OPT_NEXT
};
#define CLI_SOURCE_OPTIONS                                                                     \
    {"scenarios", required_argument, NULL, OPT_SCENARIOS},                                     \
        {"scenario", required_argument, NULL, OPT_SCENARIO},                                   \
        {"set", required_argument, NULL, OPT_SET}, {"scale", required_argument, NULL, OPT_SCALE}, \
        {"remove", required_argument, NULL, OPT_REMOVE}
#define CLI_SOURCE_HELP                                                                        \
    "      --scenarios S     a scenarios file (docs/scenarios.md) ...\n"                       \
    "      --scenario ID     ... and the scenario of it to apply\n"                            \
    "      --set SEL=VALUE   set the attributes XPath SEL picks (repeatable)\n"               \
    "      --scale SEL=F     multiply the numeric attributes SEL picks by F (repeatable)\n"   \
    "      --remove SEL      remove what SEL picks (repeatable)\n"

/* The engine options, for the commands that solve (docs/engines.md). */
#define CLI_SOLVER_OPTIONS                                                                     \
    {"solver", required_argument, NULL, OPT_SOLVER},                                           \
        {"solver-log", required_argument, NULL, OPT_SOLVER_LOG}
#define CLI_SOLVER_HELP                                                                        \
    "      --solver E        glpk (default, in-process), cbc (LPs and MIPs) or clp (LPs): CBC\n" \
    "                        and CLP run as the programs of coinor-cbc/coinor-clp\n"           \
    "      --solver-log FILE append the CBC/CLP output to FILE\n"
/* Default options with the source's --solver and --solver-log. */
cefo_options cli_options(const cli_source *src);
/* Sets opt's solver and solver log from the source's options. */
void cli_apply_solver(const cli_source *src, cefo_options *opt);

/* Handles one source option; returns 0 when handled, EXIT_USAGE on a bad value. `edits` must
 * have room for one edit per command-line argument. */
int cli_source_option(cli_source *src, int code, char *arg, const char *cmd);
/* For a getopt_long code the command does not handle itself: a source option is handled as
 * cli_source_option does; anything else is a usage error naming `seen`, the argument getopt
 * stopped at (getopt_long must be given an option string starting with ':', so that a missing
 * value is told from an unknown option). Returns 0 or EXIT_USAGE. */
int cli_other_option(cli_source *src, int code, char *arg, const char *cmd, const char *seen);
/* The usage error for getopt_long's code ':' (missing value) or any code not accepted. */
int cli_option_error(const char *cmd, int code, const char *seen);
/* The source's scenarios file, loaded (*s NULL when none; cefo_scenarios_free it), and the
 * scenario to apply: --scenario ID, or the file's only scenario; several without --scenario,
 * or --scenario without --scenarios, are errors. *id points into *s. */
cefo_status cli_source_scenario(const cli_source *src, cefo_scenarios **s, const char **id,
                                cefo_error *err);
/* Loads the network of `path` through the source's scenario and edits. */
cefo_status cli_load_network(const cli_source *src, const char *path, cefo_network **out,
                             cefo_error *err);

/* The base network and every scenario, loaded, built and solved (runs.c). */
typedef struct cli_runs {
    size_t n;                   /* 1 + number of scenarios */
    cefo_network **net;
    cefo_problem **prob;
    cefo_result **res;
    const char **labels;        /* "base", then the scenario ids */
    cefo_scenarios *scenarios;
} cli_runs;

/* One run: the network of `path` with scenario `scenario` of `s` (both may be NULL) and the
 * source's edits, built and solved. What was made is left for the caller to free. */
cefo_status cli_run_one(const cli_source *src, const char *path, const cefo_scenarios *s,
                        const char *scenario, cefo_network **net, cefo_problem **prob,
                        cefo_result **res, cefo_error *err);
/* The label of the network as it is, beside its scenarios. */
#define CLI_BASE_LABEL "base"
/* CEFO_ERR_INVALID (with the file and line of the scenario) when a scenario of `s`, read from
 * `path`, is called like the base: two runs would carry one label. */
cefo_status cli_runs_check_labels(const cefo_scenarios *s, const char *path, cefo_error *err);
/* Solves the base and every scenario of `scenarios` (may be NULL), with the source's edits
 * applied to each. On error, the runs solved so far stay for cli_runs_free. */
cefo_status cli_runs_solve(cli_runs *r, const cli_source *src, const char *path,
                           const char *scenarios, cefo_error *err);
int cli_runs_all_optimal(const cli_runs *r);
void cli_runs_free(cli_runs *r);

/* 1 when a run ended with the plan asked for: optimal, or within the requested MIP gap. */
int cli_plan_found(cefo_solve_status s);
/* 0 when `res` holds a plan; otherwise says so on stderr, naming `path`: EXIT_NOT_OPTIMAL. */
int cli_no_plan(const char *path, const cefo_result *res);

/* Batches of runs written one file per run (sweep and whatif --out-dir): DIR/STEM-NNNNNN.csv
 * for run i into `file`, DIR made when missing (mkdir -p); returns 1 when that file is a
 * finished run (a regular file: a header and run i's whole row), 0 when run i is still to do. */
int cli_batch_file(char *file, size_t n, const char *dir, const char *stem, long i);
/* Writes the summary of `res` (header `columns`, row prefix `prefix`) to `file` atomically. */
cefo_status cli_batch_write(const cefo_result *res, const char *file, const char *columns,
                            const char *prefix, cefo_error *err);

/* ---- outputs (output.c): every file a command writes goes through cli_out. */

/* Records a file the command reads, so that no output can replace it (a borrowed string). */
void cli_input(const char *path);
/* 1 when a and b name one file: the same device and inode, or (for a path that does not exist
 * yet) the same name in the same folder. */
int cli_same_file(const char *a, const char *b);

/* An output: standard output for NULL or "-", otherwise a cefo_output (in place or atomic). */
typedef struct cli_out {
    const char *path; /* as given, or "standard output" */
    cefo_output *o;   /* NULL for standard output */
    FILE *fp;         /* the stream to write to (NULL when opened without one) */
} cli_out;

/* Opens `path` (with its stream when `stream` is set); an output that is the same file as an
 * input recorded by cli_input is refused with CEFO_ERR_CREATE naming both. */
cefo_status cli_out_open(cli_out *out, const char *path, int stream, cefo_error *err);
/* Flushes and checks the output once `st`, the writing's status, is CEFO_OK (nothing is in
 * place yet). Any error names the output. Returns the first error. */
cefo_status cli_out_finish(cli_out *out, cefo_status st, cefo_error *err);
/* Finishes, then commits the output when all went well, or discards it (the old file stays). */
cefo_status cli_out_close(cli_out *out, cefo_status st, cefo_error *err);

/* SIGINT, SIGTERM, SIGHUP remove every temporary output and exit 130, 143, 129; a file size
 * limit becomes a write error. Called first thing in main. */
void cli_signals_init(void);
/* While a caught signal is being handled, waits for the process to end with its code: a solve
 * whose engine the handler ended fails, and that failure must not be reported or exit first. */
void cli_signal_wait(void);
/* Flushes and closes standard output: a write error turns an exit code of 0 or 1 into 74. */
int cli_close_stdout(int rc);

/* The shortest decimal that reads back as v ("" for NaN); the CLI runs in the C locale. */
void cli_number(char *buf, size_t n, double v);

/* The number of fields of one CSV line (RFC 4180 quotes), -1 for an unterminated quote. */
long cli_csv_fields(const char *line, size_t len);
/* What is wrong with a CSV row that should have `fields` fields (a NUL byte, a field too few
 * or too many, a number that is NaN or infinite), or NULL when nothing is. */
const char *cli_csv_row_problem(const char *line, size_t len, long fields);
/* Numbers of the command line, each read whole (args.c). A real number is plain decimal
 * (no spaces, hexadecimal, inf or nan), finite, not rounded to 0, and within [lo, hi] (ends
 * excluded as `open` says: CLI_OPEN_LO, CLI_OPEN_HI); a count is digits only, within [lo, hi].
 * On a bad value, a usage error names `what` (the option) and the text: returns EXIT_USAGE. */
enum { CLI_OPEN_LO = 1, CLI_OPEN_HI = 2 };
int cli_double_arg(const char *cmd, const char *what, const char *s, double lo, double hi,
                   int open, double *out);
int cli_count_arg(const char *cmd, const char *what, const char *s, long lo, long hi, long *out);
/* --shard K/M (`arg` is cut at its '/'): 0 <= K < M <= most, read as counts; EXIT_USAGE or 0. */
int cli_shard_arg(const char *cmd, char *arg, long most, long *k, long *m);

/* Parses text|json|csv; returns 0, or -1 for an unknown name. */
int cli_parse_format(const char *s, cefo_format *out);

#endif
