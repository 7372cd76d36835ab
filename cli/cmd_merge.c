/* cmd_merge.c - `cefo merge FILE...`: sweep shards or point files joined into one table. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char help[] =
    "usage: cefo merge [--expect N] FILE...\n\n"
    "Joins CSV results of `cefo sweep` (whole shards, or the point files of --out-dir) into\n"
    "one table on stdout, sorted by point. Every file must have the same header; a point\n"
    "present twice must have the same line. With --expect N, points 0 to N-1 must all be\n"
    "there (a missing shard is named).\n\n"
    "Exit: 0 done; 64 usage; 65 headers differ, a point conflicts or is missing; 66 no FILE.\n";

typedef struct row {
    long point;
    char *line;
} row;

static int by_point(const void *a, const void *b)
{
    long x = ((const row *)a)->point, y = ((const row *)b)->point;
    return (x > y) - (x < y);
}

/* Reads one file's lines after its header into rows; checks the header against *header. */
static int read_file(const char *path, char **header, row **rows, size_t *n, size_t *cap)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        fprintf(stderr, "%s: cannot open: %s\n", path, strerror(errno));
        return errno == ENOENT ? EXIT_NOINPUT : EXIT_IOERR;
    }
    char *line = NULL;
    size_t len = 0;
    int rc = 0;
    for (long lineno = 1; rc == 0 && getline(&line, &len, fp) > 0; lineno++) {
        if (lineno == 1) {
            if (!*header)
                *header = strdup(line);
            else if (strcmp(*header, line) != 0) {
                fprintf(stderr, "%s:1: the header differs from the first file's\n", path);
                rc = EXIT_DATAERR;
            }
            continue;
        }
        char *end;
        long point = strtol(line, &end, 10);
        if (end == line || *end != ',' || point < 0) {
            fprintf(stderr, "%s:%ld: a line must start with its point number\n", path, lineno);
            rc = EXIT_DATAERR;
            break;
        }
        if (*n == *cap) {
            *cap = *cap ? 2 * *cap : 256;
            row *grown = realloc(*rows, *cap * sizeof *grown);
            if (!grown) {
                rc = EXIT_SOFTWARE;
                break;
            }
            *rows = grown;
        }
        (*rows)[*n] = (row){point, strdup(line)};
        if (!(*rows)[(*n)++].line)
            rc = EXIT_SOFTWARE;
    }
    free(line);
    fclose(fp);
    return rc;
}

int cmd_merge(int argc, char **argv)
{
    static const struct option opts[] = {{"expect", required_argument, NULL, 'e'},
                                         {"help", no_argument, NULL, 'h'}, {0}};
    long expect = -1;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        if (c == 'h') {
            fputs(help, stdout);
            return 0;
        }
        if (c != 'e')
            return cli_usage_error("merge", "bad option '%s'", argv[optind - 1]);
        if (cli_count_arg("merge", "--expect", optarg, 0, LONG_MAX, &expect))
            return EXIT_USAGE;
    }
    if (optind >= argc)
        return cli_usage_error("merge", "expects at least one FILE");
    char *header = NULL;
    row *rows = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    for (int i = optind; i < argc && rc == 0; i++)
        rc = read_file(argv[i], &header, &rows, &n, &cap);
    if (rc == 0 && n)
        qsort(rows, n, sizeof *rows, by_point);
    size_t kept = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
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
    for (long p = 0, k = 0; rc == 0 && p < expect; p++) {
        while ((size_t)k < kept && rows[k].point < p)
            k++;
        if ((size_t)k >= kept || rows[k].point != p) {
            fprintf(stderr, "cefo merge: point %ld of %ld is missing\n", p, expect);
            rc = EXIT_DATAERR;
        }
    }
    if (rc == 0 && header)
        fputs(header, stdout);
    for (size_t i = 0; i < kept; i++) {
        if (rc == 0)
            fputs(rows[i].line, stdout);
        free(rows[i].line);
    }
    free(rows);
    free(header);
    return rc;
}
