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

cefo_status cli_arg_error(cefo_error *err, const char *msg);

/* Prints `FILE:LINE: message` (or `FILE: message`) on stderr; returns the exit code of err. */
int cli_report(const cefo_error *err, cefo_status st);

/* Prints the network's warnings as `FILE:LINE: warning: message` on stderr. */
void cli_warnings(const cefo_network *net);

/* Prints `cefo CMD: message` and a hint to --help on stderr; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Where a command's network comes from, and how it is solved. */
typedef struct cli_source {
    const char *scenarios;  /* --scenarios FILE */
    const char *scenario;   /* --scenario ID */
    cefo_edit *edits;       /* --set, --scale, --remove, in command-line order */
    size_t nedits;
    cefo_solver solver;     /* --solver (commands that solve) */
    const char *solver_log; /* --solver-log FILE */
    double time_limit;      /* --time-limit S, 0 for none */
    double gap;             /* --gap G, when gap_given */
    int gap_given;
} cli_source;

/* Default options with the source's --solver, --solver-log, --time-limit and --gap. */
cefo_options cli_options(const cli_source *src);

/* ---- options (options.c): one parser; the options commands share are declared once. */

/* The shared options, as bits of a command's `common`. */
enum {
    CLI_O_FORMAT = 1 << 0,
    CLI_O_OUTPUT = 1 << 1,
    CLI_O_SCENARIOS = 1 << 2,
    CLI_O_SCENARIO = 1 << 3,
    CLI_O_SET = 1 << 4,
    CLI_O_SCALE = 1 << 5,
    CLI_O_REMOVE = 1 << 6,
    CLI_O_SOLVER = 1 << 7,
    CLI_O_SOLVER_LOG = 1 << 8,
    CLI_O_TIME_LIMIT = 1 << 9,
    CLI_O_GAP = 1 << 10,
    CLI_O_TIMINGS = 1 << 11,
    CLI_O_OUTSIDE_SRC = 1 << 12,
    CLI_O_HELP = 1 << 13
};
#define CLI_O_TABLE (CLI_O_FORMAT | CLI_O_OUTPUT)
#define CLI_O_EDITS (CLI_O_SET | CLI_O_SCALE | CLI_O_REMOVE)
#define CLI_O_SOURCE (CLI_O_SCENARIOS | CLI_O_SCENARIO | CLI_O_EDITS)
#define CLI_O_ENGINE (CLI_O_SOLVER | CLI_O_SOLVER_LOG | CLI_O_TIME_LIMIT | CLI_O_GAP)

/* One option of a table. An entry of a command's table with `common` set names a shared
 * option whose help it replaces for that command (its other fields are unused). */
typedef struct cli_option {
    int id;                     /* the command's code for it */
    char letter;                /* the short name, 0 for none */
    const char *name;           /* the long name, without "--" */
    const char *arg;            /* the value's name in help; NULL for a flag */
    const char *help;           /* lines separated by '\n' */
    const char *const *choices; /* the values allowed (NULL-terminated), or NULL for any */
    unsigned common;
} cli_option;

/* A command: its name, operands, text, the shared options it takes and its own. */
typedef struct cli_spec {
    const char *name;
    const char *summary;        /* one line for 'cefo --help' */
    const char *operands;       /* "FILE", "FILE SCENARIOS", "FILE..." (and required options) */
    int min_operands, max_operands; /* max -1: no limit */
    const char *operands_error; /* the usage error for a wrong number of operands */
    const char *about;          /* what it does, a paragraph */
    unsigned common;            /* CLI_O_* it takes (--help always) */
    const char *const *formats; /* --format values, the default first; NULL: text, json, csv */
    const cli_option *opts;     /* its own options, ended by {0} */
    const char *exits;          /* "Exit: ..." */
    int (*run)(int argc, char **argv);
} cli_spec;

/* What the shared options set, and the operands. */
typedef struct cli_args {
    cli_source src;
    cefo_format format;
    const char *out;    /* -o OUT, NULL for none */
    unsigned given;     /* CLI_O_* that were given */
    unsigned load_flags; /* --allow-outside-src: CEFO_LOAD_SRC_ANYWHERE */
    char **operand;
    int noperands;
    int choice;         /* for a handler: the index of an enumerated value in its choices */
} cli_args;

/* Takes one of the command's own options (id from its table; arg NULL for a flag): 0, or the
 * exit code of a usage error it reported. */
typedef int (*cli_handler)(void *ctx, cli_args *a, int id, char *arg);

/* Returned by cli_parse after --help was printed: the command ends with 0. */
#define CLI_HELP (-1)

/* Parses argv (argv[0] is the command) by the spec: the shared options into *a, the command's
 * own through `own`, every other argument an operand ("-" included; "--" ends the options).
 * A long option may be cut to a unique prefix and may take its value after '='. Returns 0,
 * CLI_HELP, EXIT_USAGE (reported, with a did-you-mean for an unknown option and the allowed
 * values of an enumerated one) or EXIT_SOFTWARE. cli_args_free it in every case. */
int cli_parse(const cli_spec *spec, int argc, char **argv, cli_args *a, cli_handler own,
              void *ctx);
void cli_args_free(cli_args *a);
/* The index of `arg` in `choices`; otherwise a usage error for option `what` that lists the
 * allowed values (and the nearest one): -1. */
int cli_choice(const char *cmd, const char *what, const char *arg, const char *const *choices);
/* The candidate (cand(ctx, i) for i < n) a slip of the fingers away from `word`, or NULL. */
const char *cli_nearest(const char *word, const char *(*cand)(const void *, size_t),
                        const void *ctx, size_t n);
/* The cefo_format of a --format choice of `spec`. */
int cli_format_index(const cli_spec *spec, int choice);
/* The command's --help, generated from its tables. */
void cli_help(const cli_spec *spec, FILE *fp);
/* The man page cefo(1), generated from the same tables (docs/cefo.1 is its output). */
void cli_man(FILE *fp, const cli_spec *const *specs, size_t n);
/* The exit codes in words, for 'cefo --help' and the man page. */
extern const char cli_exit_codes[];

/* The commands, one cli/cmd_NAME.c each. */
extern const cli_spec spec_validate, spec_solve, spec_whatif, spec_sweep, spec_merge, spec_pareto,
    spec_rank, spec_report, spec_export, spec_leontief, spec_footprint;

/* The source's scenarios file, loaded (*s NULL when none; cefo_scenarios_free it), and the
 * scenario to apply: --scenario ID, or the file's only scenario; several without --scenario,
 * or --scenario without --scenarios, are errors. *id points into *s. */
cefo_status cli_source_scenario(const cli_source *src, cefo_scenarios **s, const char **id,
                                cefo_error *err);
/* The index of scenario `id` of `s` (read from `file`); otherwise CEFO_ERR_ARG naming the
 * file, with the nearest id when one is a slip away. */
cefo_status cli_find_scenario(const cefo_scenarios *s, const char *file, const char *id,
                              size_t *index, cefo_error *err);
/* For a command-line edit whose selector matched nothing (err as the loader left it): a quoted
 * id in it a slip away from one of the network of `path` is named after the message. */
void cli_hint_selector(const cli_source *src, const char *path, cefo_error *err);
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
/* Solves the base and every scenario of `scenarios` (may be NULL; only the source's
 * --scenario when given), with the source's edits applied to each. On error, the runs solved so far stay for cli_runs_free. */
cefo_status cli_runs_solve(cli_runs *r, const cli_source *src, const char *path,
                           const char *scenarios, cefo_error *err);
/* Says on stderr which runs have no plan and why (cli_why_no_plan, each named as "PATH, base"
 * or "PATH, scenario ID (NAME)"). Returns 0 when every run has a plan, EXIT_NOT_OPTIMAL
 * otherwise. */
int cli_runs_explain(const cli_runs *r, const char *path);
/* A run's name for people: "PATH, base", or "PATH, scenario ID" with " (NAME)" when the
 * scenario has a name of its own. */
void cli_run_name(char *buf, size_t n, const char *path, const cefo_network *net);
void cli_runs_free(cli_runs *r);

/* 1 when a run ended with the plan asked for: optimal, or within the requested MIP gap. */
int cli_plan_found(cefo_solve_status s);
/* 0 when `res` holds a plan; otherwise says so on stderr, naming `path`: EXIT_NOT_OPTIMAL. */
int cli_no_plan(const char *path, const cefo_result *res);
/* The same, then each item of its diagnosis as `WHAT: message` (what a run had to change):
 * for the runs of whatif, report and sweep, whose output does not carry the diagnosis. */
int cli_why_no_plan(const char *what, const cefo_result *res);

/* Batches of runs written one file per run (sweep and whatif --out-dir): DIR/STEM-NNNNNN.csv
 * for run i into `file`, DIR made when missing (mkdir -p); returns 1 when that file is a
 * finished run (a regular file: a header and run i's whole row), 0 when run i is still to do. */
int cli_batch_file(char *file, size_t n, const char *dir, const char *stem, long i);
/* Writes the summary of `res` (header `columns`, row prefix `prefix`) to `file` atomically. */
cefo_status cli_batch_write(const cefo_result *res, const char *file, const char *columns,
                            const char *prefix, cefo_error *err);

/* ---- inputs (stdin.c): "-" as FILE or SCENARIOS is standard input, read whole once. */
#define CLI_STDIN_NAME "standard input"
int cli_is_stdin(const char *path);
/* How a person reads `path`: CLI_STDIN_NAME for "-", the path itself otherwise. */
const char *cli_name(const char *path);
/* Standard input's bytes (the same every call); CEFO_OK, or an error naming it. */
cefo_status cli_stdin(const char **data, size_t *len, cefo_error *err);
/* cefo_network_load_edited, cefo_network_select, cefo_scenarios_load_file and
 * cefo_iotable_load_file_flags, reading standard input (named CLI_STDIN_NAME) for "-". */
cefo_status cli_network_load(const char *path, const cefo_scenarios *s, const char *scenario,
                             const cefo_edit *edits, size_t nedits, cefo_network **out,
                             cefo_error *err);
cefo_status cli_network_select(const char *path, const cefo_scenarios *s, const char *scenario,
                               const cefo_edit *edits, size_t nedits, const char *sel,
                               cefo_target *targets, size_t max, size_t *n,
                               cefo_network **net, cefo_error *err);
cefo_status cli_scenarios_load(const char *path, cefo_scenarios **out, cefo_error *err);
cefo_status cli_iotable_load(const char *path, unsigned flags, cefo_iotable **out,
                             cefo_error *err);

/* ---- outputs (output.c): every file a command writes goes through cli_out. */

/* Records a file the command reads, so that no output can replace it (a borrowed string). */
void cli_input(const char *path);
/* The network's registries (cefo_network_input) as inputs, never to be written. */
void cli_input_network(const cefo_network *net);
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

/* `s` as a JSON string; as one CSV cell (cefo_csv_cell's escaping). */
void cli_json_string(FILE *fp, const char *s);
void cli_csv_string(FILE *fp, const char *s);

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


#endif
