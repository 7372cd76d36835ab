/* cmd_merge.c - `cefo merge FILE...`: sweep shards or point files joined into one table. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"

static int cmd_merge(int argc, char **argv);

enum { OPT_EXPECT = 1 };
static const char *const csv_only[] = {"csv", NULL};
static const cli_option options[] = {
    {OPT_EXPECT, 0, "expect", "N",
     "points 0 to N-1 must all be there (a missing shard is named)\nand none beyond", NULL, 0},
    {0},
};

const cli_spec spec_merge = {
    .name = "merge",
    .summary = "join the CSV results of sweep shards into one table",
    .operands = "FILE...",
    .min_operands = 1,
    .max_operands = -1,
    .operands_error = "expects at least one FILE",
    .about = "Joins CSV results of `cefo sweep` (whole shards, or the point files of --out-dir)\n"
             "into one table sorted by point; - reads standard input. Every file must have the\n"
             "same header; a point present twice must have the same line. Damaged input is\n"
             "refused with its line: a row with too few or too many fields, NaN or infinite\n"
             "numbers, a missing final newline, NUL bytes, a line over 1 MiB, more than 256 MiB\n"
             "in all. CRLF line ends are read as LF.",
    .common = CLI_O_TABLE,
    .formats = csv_only,
    .opts = options,
    .exits = "Exit: 0 done; 64 usage; 65 headers differ, a point conflicts, is missing or damaged;\n"
             "66 no FILE (or a folder); 73 cannot create OUT; 74 a read or write error.",
    .run = cmd_merge,
};

typedef struct row {
    long point;
    char *line;
} row;

static int by_point(const void *a, const void *b)
{
    long x = ((const row *)a)->point, y = ((const row *)b)->point;
    return (x > y) - (x < y);
}

/* What merge reads is bounded: a line (a sweep row is a few hundred bytes) and the whole. */
#define MAX_LINE ((size_t)1 << 20)
#define MAX_TOTAL ((size_t)256 << 20)

enum { LINE_EOF = -1, LINE_LONG = -2, LINE_NUL = -3, LINE_ERROR = -4 };

/* One line without its end (LF or CRLF) into *buf; its length, or a LINE_ code. *ended tells
 * whether it had its newline. */
static long read_line(FILE *fp, char **buf, size_t *cap, int *ended)
{
    size_t n = 0;
    int c;
    *ended = 0;
    while ((c = getc(fp)) != EOF && c != '\n') {
        if (c == '\0')
            return LINE_NUL;
        if (n + 2 > *cap) {
            if (*cap >= MAX_LINE)
                return LINE_LONG;
            size_t grown = *cap ? 2 * *cap : 256;
            char *b = realloc(*buf, grown);
            if (!b)
                return LINE_LONG;
            *buf = b;
            *cap = grown;
        }
        (*buf)[n++] = (char)c;
    }
    if (ferror(fp))
        return LINE_ERROR;
    if (c == EOF && n == 0)
        return LINE_EOF;
    *ended = c == '\n';
    if (n && (*buf)[n - 1] == '\r')
        n--;
    (*buf)[n] = '\0';
    return (long)n;
}

typedef struct merge {
    char *header;
    long fields;
    long expect;
    row *rows;
    size_t n, cap, total;
} merge;

static int bad(const char *path, long lineno, const char *what)
{
    fprintf(stderr, "%s:%ld: %s\n", path, lineno, what);
    return EXIT_DATAERR;
}

/* One data line: its point number, its fields, then kept. */
static int add_row(merge *m, const char *path, long lineno, const char *line, size_t len)
{
    char *end, msg[96];
    long point = strtol(line, &end, 10);
    if (end == line || *end != ',' || point < 0)
        return bad(path, lineno, "a line must start with its point number");
    if (m->expect >= 0 && point >= m->expect) {
        snprintf(msg, sizeof msg, "point %ld is beyond --expect %ld", point, m->expect);
        return bad(path, lineno, msg);
    }
    const char *problem = cli_csv_row_problem(line, len, m->fields);
    if (problem)
        return bad(path, lineno, problem);
    if (m->n == m->cap) {
        m->cap = m->cap ? 2 * m->cap : 256;
        row *grown = realloc(m->rows, m->cap * sizeof *grown);
        if (!grown)
            return EXIT_SOFTWARE;
        m->rows = grown;
    }
    char *copy = malloc(len + 2);
    if (!copy)
        return EXIT_SOFTWARE;
    memcpy(copy, line, len);
    memcpy(copy + len, "\n", 2);
    m->rows[m->n++] = (row){point, copy};
    return 0;
}

/* A line of one file: the header (the same in every file) or a row. */
static int take_line(merge *m, const char *path, long lineno, const char *line, size_t len)
{
    if (lineno > 1)
        return add_row(m, path, lineno, line, len);
    if (!m->header) {
        m->fields = cli_csv_fields(line, len);
        m->header = malloc(len + 2);
        if (!m->header)
            return EXIT_SOFTWARE;
        memcpy(m->header, line, len);
        memcpy(m->header + len, "\n", 2);
    } else if (strlen(m->header) != len + 1 || memcmp(m->header, line, len) != 0) {
        return bad(path, 1, "the header differs from the first file's");
    }
    return 0;
}

/* Reads one file's lines after its header into rows; checks the header against the first. */
static int read_file(const char *path, merge *m)
{
    int std_in = strcmp(path, "-") == 0;
    FILE *fp = std_in ? stdin : fopen(path, "rb");
    if (std_in)
        path = "standard input";
    if (!fp) {
        int e = errno;
        fprintf(stderr, "%s: cannot open: %s\n", path, strerror(e));
        return e == ENOENT ? EXIT_NOINPUT : EXIT_IOERR;
    }
    struct stat sb;
    if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
        fprintf(stderr, "%s: is a directory, not a CSV file\n", path);
        fclose(fp);
        return EXIT_NOINPUT;
    }
    char *line = NULL;
    size_t cap = 0;
    int rc = 0, ended = 1;
    long len = 0;
    for (long lineno = 1; rc == 0; lineno++) {
        len = read_line(fp, &line, &cap, &ended);
        if (len == LINE_EOF)
            break;
        if (len == LINE_ERROR) {
            fprintf(stderr, "%s:%ld: read error: %s\n", path, lineno, strerror(errno));
            rc = EXIT_IOERR;
        } else if (len == LINE_NUL || len == LINE_LONG) {
            rc = bad(path, lineno, len == LINE_NUL ? "a NUL byte: not a CSV text file"
                                                   : "a line longer than 1 MiB");
        } else if (!ended) {
            rc = bad(path, lineno, "the last line has no final newline (cut short?)");
        } else if ((m->total += (size_t)len + 1) > MAX_TOTAL) {
            rc = bad(path, lineno, "more than 256 MiB to merge");
        } else {
            rc = take_line(m, path, lineno, line, (size_t)len);
        }
    }
    free(line);
    if (!std_in)
        fclose(fp);
    return rc;
}

static int own_option(void *ctx, cli_args *a, int id, char *arg)
{
    (void)a, (void)id;
    return cli_count_arg("merge", "--expect", arg, 0, LONG_MAX, ctx);
}

/* Every operand read, the rows joined, the table written to the output. */
static int join(const cli_args *a, long expect)
{
    merge m = {.expect = expect};
    int rc = 0;
    for (int i = 0; i < a->noperands && rc == 0; i++)
        rc = read_file(a->operand[i], &m);
    char *header = m.header;
    row *rows = m.rows;
    size_t n = m.n;
    if (rc == 0 && n)
        qsort(rows, n, sizeof *rows, by_point);
    size_t kept = 0, i = 0;
    for (; rc == 0 && i < n; i++) {
        if (kept && rows[kept - 1].point == rows[i].point) {
            if (strcmp(rows[kept - 1].line, rows[i].line) != 0) {
                fprintf(stderr, "cefo merge: point %ld appears twice with different results\n",
                        rows[i].point);
                rc = EXIT_DATAERR;
            }
            free(rows[i].line);
            continue;
        }
        rows[kept++] = rows[i];
    }
    for (; i < n; i++) /* not reached: an error stopped the joining */
        free(rows[i].line);
    for (long p = 0, k = 0; rc == 0 && p < expect; p++) {
        while ((size_t)k < kept && rows[k].point < p)
            k++;
        if ((size_t)k >= kept || rows[k].point != p) {
            fprintf(stderr, "cefo merge: point %ld of %ld is missing\n", p, expect);
            rc = EXIT_DATAERR;
        }
    }
    cli_out o = {0};
    cefo_error err = {0};
    cefo_status st = rc == 0 ? cli_out_open(&o, a->out, 1, &err) : CEFO_OK;
    if (st != CEFO_OK)
        rc = cli_report(&err, st);
    if (rc == 0 && header)
        fputs(header, o.fp);
    for (i = 0; i < kept; i++) {
        if (rc == 0)
            fputs(rows[i].line, o.fp);
        free(rows[i].line);
    }
    if (rc == 0 && (st = cli_out_close(&o, CEFO_OK, &err)) != CEFO_OK)
        rc = cli_report(&err, st);
    free(rows);
    free(header);
    return rc;
}

static int cmd_merge(int argc, char **argv)
{
    long expect = -1;
    cli_args a;
    int rc = cli_parse(&spec_merge, argc, argv, &a, own_option, &expect);
    if (rc == 0) {
        for (int i = 0; i < a.noperands; i++)
            cli_input(a.operand[i]);
        rc = join(&a, expect);
    }
    cli_args_free(&a);
    return rc == CLI_HELP ? 0 : rc;
}
