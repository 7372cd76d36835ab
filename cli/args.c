/* args.c - the numbers of a command line, checked once: syntax, range, nothing half-read. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/* Plain decimal: [+-] digits [. digits] [e [+-] digits], at least one digit before the
 * exponent; no spaces, hexadecimal, "inf" or "nan" (which strtod would take). */
static int plain_decimal(const char *s)
{
    size_t i = (*s == '+' || *s == '-') ? 1 : 0, digits = 0;
    for (; s[i] >= '0' && s[i] <= '9'; i++)
        digits++;
    if (s[i] == '.')
        for (i++; s[i] >= '0' && s[i] <= '9'; i++)
            digits++;
    if (!digits)
        return 0;
    if (s[i] == 'e' || s[i] == 'E') {
        i++;
        if (s[i] == '+' || s[i] == '-')
            i++;
        if (!(s[i] >= '0' && s[i] <= '9'))
            return 0;
        while (s[i] >= '0' && s[i] <= '9')
            i++;
    }
    return s[i] == '\0';
}

/* The interval [lo, hi] (open ends as flags say) in words for a message. */
static void interval(char *buf, size_t n, double lo, double hi, int open)
{
    char a[40], b[40];
    cli_number(a, sizeof a, lo);
    cli_number(b, sizeof b, hi);
    if (hi >= HUGE_VAL)
        snprintf(buf, n, "%s %s", open & CLI_OPEN_LO ? ">" : ">=", a);
    else if (lo <= -HUGE_VAL)
        snprintf(buf, n, "%s %s", open & CLI_OPEN_HI ? "<" : "<=", b);
    else
        snprintf(buf, n, "in %c%s, %s%c", open & CLI_OPEN_LO ? '(' : '[', a, b,
                 open & CLI_OPEN_HI ? ')' : ']');
}

int cli_double_arg(const char *cmd, const char *what, const char *s, double lo, double hi,
                   int open, double *out)
{
    char range[100];
    interval(range, sizeof range, lo, hi, open);
    if (!plain_decimal(s))
        return cli_usage_error(cmd, "%s: '%s' is not a plain decimal number", what, s);
    errno = 0;
    double v = strtod(s, NULL);
    if (!isfinite(v) || (errno == ERANGE && fabs(v) > 1))
        return cli_usage_error(cmd, "%s: '%s' is too large to represent", what, s);
    size_t mantissa = strcspn(s, "eE");
    if (errno == ERANGE || (v == 0 && strcspn(s, "123456789") < mantissa))
        return cli_usage_error(cmd, "%s: '%s' is too small to represent (it would be read as "
                               "%s)", what, s, v == 0 ? "0" : "a rounded value");
    if (v < lo || v > hi || ((open & CLI_OPEN_LO) && v == lo) || ((open & CLI_OPEN_HI) && v == hi))
        return cli_usage_error(cmd, "%s: '%s' must be %s", what, s, range);
    *out = v;
    return 0;
}

int cli_count_arg(const char *cmd, const char *what, const char *s, long lo, long hi, long *out)
{
    size_t len = strspn(s, "0123456789");
    errno = 0;
    long v = len && !s[len] ? strtol(s, NULL, 10) : -1;
    if (!len || s[len])
        return cli_usage_error(cmd, "%s: '%s' is not a whole number", what, s);
    if (errno == ERANGE || v < lo || v > hi)
        return cli_usage_error(cmd, "%s: '%s' must be a whole number in [%ld, %ld]", what, s, lo,
                               hi);
    *out = v;
    return 0;
}

int cli_shard_arg(const char *cmd, char *arg, long most, long *k, long *m)
{
    char *slash = strchr(arg, '/');
    if (!slash)
        return cli_usage_error(cmd, "--shard needs K/M with 0 <= K < M");
    *slash = '\0';
    if (cli_count_arg(cmd, "--shard M", slash + 1, 1, most, m)
        || cli_count_arg(cmd, "--shard K", arg, 0, *m - 1, k))
        return EXIT_USAGE;
    return 0;
}
