/* common.c - diagnostics and exit codes shared by the cefo commands. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

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
    case CEFO_ERR_UNAVAILABLE: return EXIT_UNAVAILABLE;
    case CEFO_ERR_ARG: return EXIT_USAGE; /* in the CLI, only what the user typed */
    case CEFO_ERR_NOMEM:
    case CEFO_ERR_SOLVER: break;
    }
    return EXIT_SOFTWARE;
}

/* A usage problem found while loading: reported like an input error, exit 64. */
cefo_status cli_arg_error(cefo_error *err, const char *msg)
{
    *err = (cefo_error){.code = CEFO_ERR_ARG};
    snprintf(err->message, sizeof err->message, "%s", msg);
    return CEFO_ERR_ARG;
}

int cli_report(const cefo_error *err, cefo_status st)
{
    cli_signal_wait();
    const char *msg = err->message[0] ? err->message : cefo_strerror(st);
    if (err->file[0] && err->line > 0)
        fprintf(stderr, "%s:%d: %s\n", err->file, err->line, msg);
    else if (err->file[0])
        fprintf(stderr, "%s: %s\n", err->file, msg);
    else
        fprintf(stderr, "cefo: %s\n", msg);
    return exit_code(st);
}

void cli_warnings(const cefo_network *net)
{
    for (size_t i = 0; i < cefo_network_warning_count(net); i++) {
        const cefo_error *w = cefo_network_warning(net, i);
        if (w->line > 0)
            fprintf(stderr, "%s:%d: warning: %s\n", w->file, w->line, w->message);
        else
            fprintf(stderr, "%s: warning: %s\n", w->file, w->message);
    }
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

int cli_plan_found(cefo_solve_status s)
{
    return s == CEFO_SOLVE_OPTIMAL || s == CEFO_SOLVE_GAP_LIMIT;
}

int cli_no_plan(const char *path, const cefo_result *res)
{
    cefo_solve_status s = cefo_result_status(res);
    if (cli_plan_found(s))
        return 0;
    fprintf(stderr, "%s: no optimal plan: %s\n", cli_name(path), cefo_solve_status_words(s));
    return EXIT_NOT_OPTIMAL;
}

int cli_why_no_plan(const char *what, const cefo_result *res)
{
    if (cli_no_plan(what, res) == 0)
        return 0;
    for (size_t i = 0; i < cefo_result_diagnosis_count(res); i++) {
        cefo_diagnosis_item d;
        if (cefo_result_diagnosis(res, i, &d) == CEFO_OK)
            fprintf(stderr, "%s: %s\n", what, d.message);
    }
    return EXIT_NOT_OPTIMAL;
}

/* mkdir -p: every missing folder of `dir`; one made meanwhile by another shard is fine. */
static void make_dirs(const char *dir)
{
    char p[4096];
    size_t n = strlen(dir);
    if (n >= sizeof p)
        return;
    memcpy(p, dir, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (p[i] != '/' && p[i] != '\0')
            continue;
        char c = p[i];
        p[i] = '\0';
        mkdir(p, 0777); /* errors (EEXIST, or a real one) surface when the file is written */
        p[i] = c;
    }
}

long cli_csv_fields(const char *line, size_t len)
{
    long fields = 1;
    int quoted = 0;
    for (size_t i = 0; i < len; i++) {
        if (line[i] == '"')
            quoted = !quoted; /* "" inside quotes toggles twice */
        else if (line[i] == ',' && !quoted)
            fields++;
    }
    return quoted ? -1 : fields;
}

const char *cli_csv_row_problem(const char *line, size_t len, long fields)
{
    if (memchr(line, '\0', len))
        return "a NUL byte";
    long got = cli_csv_fields(line, len);
    if (got < 0)
        return "an unterminated quote";
    if (got < fields)
        return "too few fields";
    if (got > fields)
        return "too many fields (two lines glued together?)";
    /* Missing values are empty cells; a number that reads as NaN or infinity is damage. */
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && line[j] != ',')
            j++;
        char cell[64];
        if (j - i > 0 && j - i < sizeof cell && line[i] != '"') {
            memcpy(cell, line + i, j - i);
            cell[j - i] = '\0';
            char *end;
            double v = strtod(cell, &end);
            if (end != cell && *end == '\0' && !isfinite(v))
                return "a value that is not a finite number";
        }
        i = j + 1;
    }
    return NULL;
}

/* A finished batch file: a regular file of two whole lines, a header and run i's full row. */
static int batch_file_done(const char *file, long i)
{
    char buf[65536], want[32];
    struct stat sb;
    /* Only a regular file can be a finished run (reading a FIFO would block; a folder or a
     * device is no run). */
    if (stat(file, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size >= (off_t)sizeof buf)
        return 0;
    FILE *fp = fopen(file, "rb");
    if (!fp)
        return 0;
    size_t n = fread(buf, 1, sizeof buf, fp);
    int bad = ferror(fp);
    fclose(fp);
    char *nl = n && !bad ? memchr(buf, '\n', n) : NULL;
    if (!nl || nl == buf + n - 1 || buf[n - 1] != '\n')
        return 0;
    size_t hlen = (size_t)(nl - buf), rlen = n - hlen - 2;
    int wn = snprintf(want, sizeof want, "%ld,", i);
    return strncmp(buf, "point,", 6) == 0 && rlen > (size_t)wn
           && memcmp(nl + 1, want, (size_t)wn) == 0 && !memchr(nl + 1, '\n', rlen)
           && !memchr(buf, '\0', n)
           && !cli_csv_row_problem(nl + 1, rlen, cli_csv_fields(buf, hlen));
}

int cli_batch_file(char *file, size_t n, const char *dir, const char *stem, long i)
{
    make_dirs(dir);
    snprintf(file, n, "%s/%s-%06ld.csv", dir, stem, i);
    return batch_file_done(file, i);
}

cefo_status cli_batch_write(const cefo_result *res, const char *file, const char *columns,
                            const char *prefix, cefo_error *err)
{
    cli_out out;
    cefo_status st = cli_out_open(&out, file, 1, err);
    if (st != CEFO_OK)
        return st;
    st = cefo_result_write_summary(res, out.fp, columns, 1, err);
    if (st == CEFO_OK)
        st = cefo_result_write_summary(res, out.fp, prefix, 0, err);
    return cli_out_close(&out, st, err);
}

static const char *scenario_id(const void *s, size_t i)
{
    return cefo_scenarios_id(s, i);
}

cefo_status cli_find_scenario(const cefo_scenarios *s, const char *file, const char *id,
                              size_t *index, cefo_error *err)
{
    size_t n = cefo_scenarios_count(s);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(cefo_scenarios_id(s, i), id) == 0) {
            *index = i;
            return CEFO_OK;
        }
    }
    const char *near = cli_nearest(id, scenario_id, s, n);
    *err = (cefo_error){.code = CEFO_ERR_ARG};
    snprintf(err->file, sizeof err->file, "%s", file);
    if (near)
        snprintf(err->message, sizeof err->message, "no scenario '%s'; did you mean '%s'?", id,
                 near);
    else
        snprintf(err->message, sizeof err->message, "no scenario '%s' (there are %zu: %s%s)",
                 id, n, n ? cefo_scenarios_id(s, 0) : "", n > 1 ? ", ..." : "");
    return CEFO_ERR_ARG;
}

cefo_status cli_source_scenario(const cli_source *src, cefo_scenarios **s, const char **id,
                                cefo_error *err)
{
    *s = NULL;
    *id = NULL;
    if (src->scenario && !src->scenarios)
        return cli_arg_error(err, "--scenario needs --scenarios FILE");
    if (!src->scenarios)
        return CEFO_OK;
    cli_input(src->scenarios);
    cefo_status st = cli_scenarios_load(src->scenarios, s, err);
    *id = src->scenario;
    size_t k;
    if (st == CEFO_OK && *id)
        st = cli_find_scenario(*s, src->scenarios, *id, &k, err);
    if (st == CEFO_OK && !*id) {
        if (cefo_scenarios_count(*s) != 1)
            st = cli_arg_error(err, "--scenarios needs --scenario ID (the file has several)");
        else
            *id = cefo_scenarios_id(*s, 0);
    }
    if (st != CEFO_OK) {
        cefo_scenarios_free(*s);
        *s = NULL;
        *id = NULL;
    }
    return st;
}

/* Every id of the network, materials to resources, as one list for cli_nearest. */
static const char *any_id(const void *net, size_t i)
{
    static const cefo_item kinds[] = {CEFO_MATERIAL, CEFO_POLLUTANT, CEFO_PROCESS, CEFO_GROUP,
                                      CEFO_RESOURCE};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; i -= cefo_network_count(net, kinds[k++]))
        if (i < cefo_network_count(net, kinds[k]))
            return cefo_network_id(net, kinds[k], i);
    return NULL;
}

void cli_hint_selector(const cli_source *src, const char *path, cefo_error *err)
{
    if (err->code != CEFO_ERR_INVALID || strcmp(err->file, "command line") != 0 || err->line < 1
        || (size_t)err->line > src->nedits || !strstr(err->message, "matches nothing"))
        return;
    cefo_network *net = NULL;
    cefo_error ignored = {0};
    if (cli_network_load(path, NULL, NULL, NULL, 0, &net, &ignored) != CEFO_OK)
        return;
    size_t n = 0;
    for (cefo_item k = CEFO_MATERIAL; k <= CEFO_RESOURCE; k++)
        n += k == CEFO_LINK ? 0 : cefo_network_count(net, k);
    /* Each quoted literal of the selector that is no id: the id a slip away from it. */
    const char *sel = src->edits[err->line - 1].sel, *q = sel;
    while ((q = strpbrk(q, "'\"")) != NULL) {
        const char *end = strchr(q + 1, *q);
        if (!end)
            break;
        char lit[128];
        snprintf(lit, sizeof lit, "%.*s", (int)(end - q - 1), q + 1);
        const char *near = cli_nearest(lit, any_id, net, n);
        if (near && strcmp(near, lit) != 0) {
            size_t len = strlen(err->message);
            snprintf(err->message + len, sizeof err->message - len, "; did you mean '%s'?", near);
            break;
        }
        q = end + 1;
    }
    cefo_network_free(net);
}

cefo_status cli_load_network(const cli_source *src, const char *path, cefo_network **out,
                             cefo_error *err)
{
    cefo_scenarios *s;
    const char *id;
    cli_input(path);
    cefo_status st = cli_source_scenario(src, &s, &id, err);
    if (st == CEFO_OK)
        st = cli_network_load(path, s, id, src->edits, src->nedits, out, err);
    if (st == CEFO_OK)
        cli_input_network(*out);
    if (st != CEFO_OK)
        cli_hint_selector(src, path, err);
    cefo_scenarios_free(s);
    return st;
}

void cli_number(char *buf, size_t n, double v)
{
    if (isnan(v)) {
        snprintf(buf, n, "%s", "");
        return;
    }
    snprintf(buf, n, "%.15g", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, n, "%.17g", v);
}

void cli_json_string(FILE *fp, const char *s)
{
    fputc('"', fp);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(fp, "\\%c", c);
        else if (c < 0x20)
            fprintf(fp, "\\u%04x", c);
        else
            fputc(c, fp);
    }
    fputc('"', fp);
}

void cli_csv_string(FILE *fp, const char *s)
{
    size_t n = cefo_csv_cell(NULL, 0, s) + 1;
    char *cell = malloc(n);
    if (cell) {
        cefo_csv_cell(cell, n, s);
        fputs(cell, fp);
    }
    free(cell);
}
