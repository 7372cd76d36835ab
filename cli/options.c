/* options.c - one option parser for every command: the shared options, --help, the man page. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char *const format_names[] = {"text", "json", "csv", NULL};
static const char *const solver_names[] = {"glpk", "cbc", "clp", NULL};

/* The options several commands share, declared once; a command names those it takes in its
 * spec's `common` bits, in this order in its help (after -f and -o, which come first). */
static const cli_option common_options[] = {
    {CLI_O_FORMAT, 'f', "format", "F", NULL, format_names, 0},
    {CLI_O_OUTPUT, 'o', "output", "OUT",
     "write to OUT instead of standard output (atomically: never a\npartial file); - is "
     "standard output", NULL, 0},
    {CLI_O_SCENARIOS, 0, "scenarios", "S", "a scenarios file (docs/scenarios.md) ...", NULL, 0},
    {CLI_O_SCENARIO, 0, "scenario", "ID", "... and the scenario of it to apply", NULL, 0},
    {CLI_O_SET, 0, "set", "SEL=VALUE",
     "set the attributes XPath SEL picks; \"SEL/@NAME=V\" adds\nNAME to the elements SEL picks when none has it (repeatable)",
     NULL, 0},
    {CLI_O_SCALE, 0, "scale", "SEL=F", "multiply the numeric attributes SEL picks by F\n(repeatable)",
     NULL, 0},
    {CLI_O_REMOVE, 0, "remove", "SEL", "remove what SEL picks (repeatable)", NULL, 0},
    {CLI_O_SOLVER, 0, "solver", "E",
     "glpk (default, in-process), cbc (LPs and MIPs) or clp (LPs):\nCBC and CLP run as the "
     "programs of coinor-cbc/coinor-clp", solver_names, 0},
    {CLI_O_SOLVER_LOG, 0, "solver-log", "FILE", "append the CBC/CLP output to FILE", NULL, 0},
    {CLI_O_TIME_LIMIT, 0, "time-limit", "S",
     "stop each solve after S seconds (status time-limit, exit 1;\na MIP reports the best plan "
     "found)", NULL, 0},
    {CLI_O_GAP, 0, "gap", "G",
     "MIP: stop once the plan is within relative gap G of the\nbest bound (status gap-limit, "
     "exit 0; default 1e-4)", NULL, 0},
    {CLI_O_TIMINGS, 0, "timings", NULL, "print load, build, solve and write times on stderr",
     NULL, 0},
    {CLI_O_OUTSIDE_SRC, 0, "allow-outside-src", NULL,
     "read src= files outside the folder of FILE too (refused by\ndefault: a table from "
     "elsewhere must not read your files)", NULL, 0},
    {CLI_O_HELP, 'h', "help", NULL, "this text", NULL, 0},
    {0},
};

/* ------------------------------------------------------------------ did you mean */

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), row[64];
    if (la >= 63 || lb >= 63)
        return 99;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *cli_nearest(const char *word, const char *(*cand)(const void *, size_t),
                        const void *ctx, size_t n)
{
    const char *best = NULL;
    size_t best_d = 1 + strlen(word) / 4; /* a slip of the fingers, not another word */
    if (best_d > 3)
        best_d = 3;
    for (size_t i = 0; i < n; i++) {
        const char *c = cand(ctx, i);
        size_t d = c ? edit_distance(word, c) : 99;
        if (d <= best_d && (!best || d < edit_distance(word, best)))
            best = c;
    }
    return best;
}

static const char *list_entry(const void *ctx, size_t i)
{
    return ((const char *const *)ctx)[i];
}

static size_t list_count(const char *const *list)
{
    size_t n = 0;
    while (list[n])
        n++;
    return n;
}

/* "a, b or c" */
static void list_words(char *buf, size_t n, const char *const *list)
{
    size_t k = list_count(list), used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < k && used < n; i++)
        used += (size_t)snprintf(buf + used, n - used, "%s%s", i == 0 ? "" : i + 1 == k ? " or " : ", ",
                                 list[i]);
}

int cli_choice(const char *cmd, const char *what, const char *arg, const char *const *choices)
{
    for (int i = 0; choices[i]; i++)
        if (strcmp(arg, choices[i]) == 0)
            return i;
    char allowed[256];
    list_words(allowed, sizeof allowed, choices);
    const char *near = cli_nearest(arg, list_entry, choices, list_count(choices));
    if (near)
        cli_usage_error(cmd, "%s must be %s, not '%s'; did you mean '%s'?", what, allowed, arg,
                        near);
    else
        cli_usage_error(cmd, "%s must be %s, not '%s'", what, allowed, arg);
    return -1;
}

/* ------------------------------------------------------------------ parsing */

/* The options a command takes, in help order: -f and -o, its own, the other shared ones. */
typedef struct option_list {
    const cli_option *o[64];
    size_t n;
} option_list;

static const cli_option *common_option(unsigned bit)
{
    for (const cli_option *c = common_options; c->id; c++)
        if ((unsigned)c->id == bit)
            return c;
    return NULL;
}

/* The command's entry that replaces the shared option's help, if any. */
static const cli_option *override_of(const cli_spec *spec, unsigned bit)
{
    for (const cli_option *o = spec->opts; o && (o->name || o->common); o++)
        if (o->common == bit)
            return o;
    return NULL;
}

static void add_common(option_list *l, const cli_spec *spec, unsigned bit)
{
    if ((spec->common | CLI_O_HELP) & bit)
        l->o[l->n++] = common_option(bit);
}

static void command_options(const cli_spec *spec, option_list *l)
{
    l->n = 0;
    add_common(l, spec, CLI_O_FORMAT);
    add_common(l, spec, CLI_O_OUTPUT);
    for (const cli_option *o = spec->opts; o && (o->name || o->common); o++)
        if (!o->common)
            l->o[l->n++] = o;
    for (const cli_option *c = common_options; c->id; c++)
        if (c->id != CLI_O_FORMAT && c->id != CLI_O_OUTPUT && c->id != CLI_O_HELP)
            add_common(l, spec, (unsigned)c->id);
    add_common(l, spec, CLI_O_HELP);
}

static int is_common(const cli_option *o)
{
    return o >= common_options && o < common_options + sizeof common_options / sizeof *o;
}

static const char *option_name(const void *ctx, size_t i)
{
    return ((const option_list *)ctx)->o[i]->name;
}

/* The option `--name` (a unique prefix will do, as getopt_long allows); NULL after a usage
 * error. */
static const cli_option *find_long(const cli_spec *spec, const option_list *l, const char *name,
                                   size_t len, const char *seen)
{
    const cli_option *found = NULL;
    int several = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (strncmp(l->o[i]->name, name, len) != 0)
            continue;
        if (strlen(l->o[i]->name) == len)
            return l->o[i];
        several += found != NULL;
        found = l->o[i];
    }
    if (found && !several)
        return found;
    char word[64];
    snprintf(word, sizeof word, "%.*s", (int)(len < 63 ? len : 63), name);
    const char *near = found ? NULL : cli_nearest(word, option_name, l, l->n);
    if (found)
        cli_usage_error(spec->name, "option '%s' is ambiguous", seen);
    else if (near)
        cli_usage_error(spec->name, "unknown option '%s'; did you mean '--%s'?", seen, near);
    else
        cli_usage_error(spec->name, "unknown option '%s'", seen);
    return NULL;
}

static const cli_option *find_short(const cli_spec *spec, const option_list *l, char c)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->o[i]->letter == c)
            return l->o[i];
    cli_usage_error(spec->name, "unknown option '-%c'", c);
    return NULL;
}

static int edit_option(cli_source *src, unsigned bit, char *arg, const char *cmd)
{
    cefo_edit *e = &src->edits[src->nedits];
    if (bit == CLI_O_REMOVE) {
        *e = (cefo_edit){CEFO_EDIT_REMOVE, arg, NULL, NAN};
    } else {
        /* Split at the last '=': XPath predicates such as [@id='COD'] contain '=' too. */
        char *eq = strrchr(arg, '=');
        const char *flag = bit == CLI_O_SET ? "--set" : "--scale";
        if (!eq || eq == arg || !eq[1])
            return cli_usage_error(cmd, "%s needs SEL=%s", flag, bit == CLI_O_SET ? "VALUE" : "F");
        *eq = '\0';
        *e = (cefo_edit){bit == CLI_O_SET ? CEFO_EDIT_SET : CEFO_EDIT_SCALE, arg, eq + 1, NAN};
        if (bit == CLI_O_SCALE
            && cli_double_arg(cmd, "--scale factor", eq + 1, 0, DBL_MAX, 0, &e->factor))
            return EXIT_USAGE;
    }
    src->nedits++;
    return 0;
}

static int common_value(const cli_spec *spec, cli_args *a, unsigned bit, char *arg)
{
    cli_source *src = &a->src;
    switch (bit) {
    case CLI_O_FORMAT: a->format = (cefo_format)cli_format_index(spec, a->choice); return 0;
    case CLI_O_OUTPUT: a->out = arg; return 0;
    case CLI_O_SCENARIOS: src->scenarios = arg; return 0;
    case CLI_O_SCENARIO: src->scenario = arg; return 0;
    case CLI_O_SOLVER: src->solver = (cefo_solver)a->choice; return 0;
    case CLI_O_SOLVER_LOG: src->solver_log = arg; return 0;
    case CLI_O_TIME_LIMIT:
        return cli_double_arg(spec->name, "--time-limit", arg, 0, 1e9, CLI_OPEN_LO,
                              &src->time_limit);
    case CLI_O_GAP:
        src->gap_given = 1;
        return cli_double_arg(spec->name, "--gap", arg, 0, 1, CLI_OPEN_HI, &src->gap);
    case CLI_O_OUTSIDE_SRC: a->load_flags |= CEFO_LOAD_SRC_ANYWHERE; return 0;
    case CLI_O_TIMINGS: return 0;
    default: return edit_option(src, bit, arg, spec->name);
    }
}

int cli_format_index(const cli_spec *spec, int choice)
{
    const char *name = (spec->formats ? spec->formats : format_names)[choice];
    for (int i = 0; format_names[i]; i++)
        if (strcmp(name, format_names[i]) == 0)
            return i;
    return 0;
}

/* One option with its value (NULL for a flag) taken. */
static int take(const cli_spec *spec, cli_args *a, const cli_option *o, char *arg,
                const char *seen, cli_handler own, void *ctx)
{
    const char *const *choices = o->choices;
    if (is_common(o) && o->id == CLI_O_FORMAT && spec->formats)
        choices = spec->formats;
    a->choice = 0;
    if (arg && choices) {
        char what[80];
        snprintf(what, sizeof what, "--%s", o->name);
        if ((a->choice = cli_choice(spec->name, what, arg, choices)) < 0)
            return EXIT_USAGE;
    }
    (void)seen;
    if (!is_common(o))
        return own ? own(ctx, a, o->id, arg) : EXIT_USAGE;
    a->given |= (unsigned)o->id;
    if (o->id == CLI_O_HELP) {
        cli_help(spec, stdout);
        return CLI_HELP;
    }
    return common_value(spec, a, (unsigned)o->id, arg);
}

/* One argument starting with '-' (not "-" or "--"): a long option or a cluster of short ones.
 * *i moves past a value taken from the next argument. */
static int parse_option(const cli_spec *spec, const option_list *l, cli_args *a, int argc,
                        char **argv, int *i, cli_handler own, void *ctx)
{
    char *s = argv[*i];
    if (s[1] == '-') {
        char *name = s + 2, *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        char seen[128];
        snprintf(seen, sizeof seen, "--%.*s", (int)(len < 100 ? len : 100), name);
        const cli_option *o = find_long(spec, l, name, len, seen);
        if (!o)
            return EXIT_USAGE;
        if (!o->arg && eq)
            return cli_usage_error(spec->name, "option '--%s' takes no value", o->name);
        char *arg = eq ? eq + 1 : NULL;
        if (o->arg && !arg) {
            if (*i + 1 >= argc)
                return cli_usage_error(spec->name, "option '%s' needs a value", seen);
            arg = argv[++*i];
        }
        return take(spec, a, o, arg, seen, own, ctx);
    }
    for (char *p = s + 1; *p; p++) {
        const cli_option *o = find_short(spec, l, *p);
        if (!o)
            return EXIT_USAGE;
        char seen[3] = {'-', *p, '\0'}, *arg = NULL;
        if (o->arg) {
            arg = p[1] ? p + 1 : NULL;
            if (!arg && *i + 1 >= argc)
                return cli_usage_error(spec->name, "option '%s' needs a value", seen);
            if (!arg)
                arg = argv[++*i];
        }
        int rc = take(spec, a, o, arg, seen, own, ctx);
        if (rc != 0 || o->arg)
            return rc;
    }
    return 0;
}

int cli_parse(const cli_spec *spec, int argc, char **argv, cli_args *a, cli_handler own,
              void *ctx)
{
    option_list l;
    command_options(spec, &l);
    *a = (cli_args){0};
    a->format = (cefo_format)cli_format_index(spec, 0);
    a->src.edits = calloc((size_t)argc + 2, sizeof *a->src.edits);
    a->operand = calloc((size_t)argc + 1, sizeof *a->operand);
    if (!a->src.edits || !a->operand)
        return EXIT_SOFTWARE;
    int rc = 0, options_done = 0;
    for (int i = 1; i < argc && rc == 0; i++) {
        char *s = argv[i];
        if (!options_done && strcmp(s, "--") == 0)
            options_done = 1;
        else if (!options_done && s[0] == '-' && s[1])
            rc = parse_option(spec, &l, a, argc, argv, &i, own, ctx);
        else
            a->operand[a->noperands++] = s;
    }
    if (rc == 0 && (a->noperands < spec->min_operands
                    || (spec->max_operands >= 0 && a->noperands > spec->max_operands)))
        rc = cli_usage_error(spec->name, "%s", spec->operands_error);
    int stdins = cli_is_stdin(a->src.scenarios);
    for (int i = 0; i < a->noperands; i++)
        stdins += cli_is_stdin(a->operand[i]);
    if (rc == 0 && stdins > 1 && spec->max_operands >= 0)
        rc = cli_usage_error(spec->name, "standard input (-) can be read once: give the network "
                                         "or the scenarios as a file");
    return rc;
}

void cli_args_free(cli_args *a)
{
    free(a->src.edits);
    free(a->operand);
    a->src.edits = NULL;
    a->operand = NULL;
}

cefo_options cli_options(const cli_source *src)
{
    cefo_options opt;
    cefo_options_init(&opt);
    opt.solver = src->solver;
    opt.solver_log = src->solver_log;
    if (src->time_limit > 0)
        opt.time_limit = src->time_limit;
    if (src->gap_given)
        opt.mip_gap = src->gap;
    return opt;
}

/* ------------------------------------------------------------------ help */

/* The help of option o of `spec` (its own text, or the command's replacement). */
static const char *help_of(const cli_spec *spec, const cli_option *o)
{
    const cli_option *over = is_common(o) ? override_of(spec, (unsigned)o->id) : NULL;
    return over ? over->help : o->help;
}

/* "text (default), json or csv" for --format. */
static void format_help(const cli_spec *spec, char *buf, size_t n)
{
    const char *const *f = spec->formats ? spec->formats : format_names;
    char words[128];
    list_words(words, sizeof words, f + 1);
    if (f[1])
        snprintf(buf, n, "the output format: %s (default), %s", f[0], words);
    else
        snprintf(buf, n, "the output format: %s, the only one", f[0]);
}

/* "-f, --format F" */
static void option_label(const cli_option *o, char *buf, size_t n)
{
    snprintf(buf, n, "%s%c%s--%s%s%s", o->letter ? "-" : "   ", o->letter ? o->letter : ' ',
             o->letter ? ", " : "", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
}

void cli_help(const cli_spec *spec, FILE *fp)
{
    option_list l;
    command_options(spec, &l);
    fprintf(fp, "usage: cefo %s %s%s[options]\n\n%s\n\n", spec->name, spec->operands,
            spec->operands[0] ? " " : "", spec->about);
    size_t width = 0;
    char label[128], fmt[256];
    for (size_t i = 0; i < l.n; i++) {
        option_label(l.o[i], label, sizeof label);
        if (strlen(label) > width)
            width = strlen(label);
    }
    for (size_t i = 0; i < l.n; i++) {
        const char *h = help_of(spec, l.o[i]);
        if (is_common(l.o[i]) && l.o[i]->id == CLI_O_FORMAT && !override_of(spec, CLI_O_FORMAT))
            format_help(spec, fmt, sizeof fmt), h = fmt;
        option_label(l.o[i], label, sizeof label);
        fprintf(fp, "  %-*s  ", (int)width, label);
        for (const char *p = h; *p; p++) {
            fputc(*p, fp);
            if (*p == '\n')
                fprintf(fp, "  %-*s  ", (int)width, "");
        }
        fputc('\n', fp);
    }
    fprintf(fp, "\n%s\n", spec->exits);
}

/* ------------------------------------------------------------------ man page */

#define CLI_MAN_DATE "2026-12"
#define CLI_MAN_DESCRIPTION                                                                  \
    "cefo reads a cluster network written in XML (firms and facilities with their inputs,\n" \
    "outputs, wastes and emissions; product-chain and waste-chain links; demands; pollutant\n" \
    "costs and caps), formulates the linear programme of material flows, reuse and pollution\n" \
    "cost, and solves it with GLPK (or CBC and CLP). Results go to standard output or -o OUT,\n" \
    "diagnostics to standard error as FILE:LINE: message. Where a command writes a file, - is\n" \
    "standard output. 'cefo help COMMAND' is the command's --help."

const char cli_exit_codes[] =
    "Exit codes: 0 optimal or done; 1 solved without an optimum (infeasible, unbounded, a\n"
    "limit; the result is still written); 64 usage; 65 invalid input; 66 no input file;\n"
    "69 solver program missing; 70 internal error; 73 cannot create output; 74 I/O error;\n"
    "129, 130, 143 ended by SIGHUP, SIGINT, SIGTERM.";

/* Text for roff: '-' as \-, '\' as \e, a line never starting with '.' or '\''. */
static void roff(FILE *fp, const char *s, int join_lines)
{
    int bol = 1;
    for (; *s; s++) {
        char c = *s == '\n' && join_lines ? ' ' : *s;
        if (bol && (c == '.' || c == '\''))
            fputs("\\&", fp);
        if (c == '-')
            fputs("\\-", fp);
        else if (c == '\\')
            fputs("\\e", fp);
        else
            fputc(c, fp);
        bol = c == '\n';
    }
}

static void man_synopsis(FILE *fp, const cli_spec *spec)
{
    option_list l;
    command_options(spec, &l);
    fprintf(fp, ".B cefo %s\n", spec->name);
    if (spec->operands[0]) {
        roff(fp, spec->operands, 1);
        fputc('\n', fp);
    }
    for (size_t i = 0; i < l.n; i++) {
        char flag[80], letter[4] = {'-', l.o[i]->letter, ' ', '\0'};
        snprintf(flag, sizeof flag, "--%s ", l.o[i]->name);
        if ((l.o[i]->id == CLI_O_HELP && is_common(l.o[i])) || strstr(spec->operands, flag)
            || (l.o[i]->letter && strstr(spec->operands, letter)))
            continue; /* --help, or an option the synopsis requires */
        fputs("[\\fB", fp);
        roff(fp, "--", 0);
        roff(fp, l.o[i]->name, 0);
        fputs("\\fR", fp);
        if (l.o[i]->arg) {
            fputs(" \\fI", fp);
            roff(fp, l.o[i]->arg, 0);
            fputs("\\fR", fp);
        }
        fputs("]\n", fp);
    }
    fputs(".br\n", fp);
}

static void man_command(FILE *fp, const cli_spec *spec)
{
    option_list l;
    command_options(spec, &l);
    char label[128], fmt[256];
    fprintf(fp, ".SS cefo %s\n", spec->name);
    roff(fp, spec->about, 0);
    fputs("\n.PP\nOptions:\n", fp);
    for (size_t i = 0; i < l.n; i++) {
        const char *h = help_of(spec, l.o[i]);
        if (is_common(l.o[i]) && l.o[i]->id == CLI_O_FORMAT && !override_of(spec, CLI_O_FORMAT))
            format_help(spec, fmt, sizeof fmt), h = fmt;
        option_label(l.o[i], label, sizeof label);
        fputs(".TP\n.B ", fp);
        roff(fp, label + strspn(label, " "), 0);
        fputc('\n', fp);
        roff(fp, h, 1);
        fputc('\n', fp);
    }
    fputs(".PP\n", fp);
    roff(fp, spec->exits, 1);
    fputc('\n', fp);
}

void cli_man(FILE *fp, const cli_spec *const *specs, size_t n)
{
    fprintf(fp, ".\\\" Generated by 'cefo --man' from the option tables of cli/: do not edit.\n"
                ".TH CEFO 1 \"%s\" \"cefo %s\" \"User Commands\"\n.SH NAME\n"
                "cefo \\- circular-economy flow optimiser for industrial clusters\n"
                ".SH SYNOPSIS\n", CLI_MAN_DATE, cefo_version());
    for (size_t i = 0; i < n; i++)
        man_synopsis(fp, specs[i]);
    fputs(".B cefo help\n.I COMMAND\n.br\n.B cefo \\-\\-help\n|\n.B \\-\\-version\n|\n"
          ".B \\-\\-man\n.SH DESCRIPTION\n", fp);
    roff(fp, CLI_MAN_DESCRIPTION, 1);
    fputs("\n.SH COMMANDS\n", fp);
    for (size_t i = 0; i < n; i++)
        man_command(fp, specs[i]);
    fputs(".SH EXIT STATUS\n", fp);
    roff(fp, cli_exit_codes, 1);
    fputs("\n.SH FILES\n.I share/doc/cefo/examples/zhenan\\-cluster.xml\nan illustrative "
          "cluster network.\n.SH SEE ALSO\nThe references in the source tree:\n"
          ".IR docs/cli.md ,\n.IR docs/network\\-format.md ,\n.IR docs/results.md ,\n"
          ".IR docs/scenarios.md ,\n.IR docs/leontief.md ,\n.IR docs/footprint.md .\n"
          ".SH LICENSE\nGPL\\-3.0\\-or\\-later.\n", fp);
}
