/* number.c - strict number parsing (strtod under a thread-local C locale, after a grammar check). */
#include "io/number.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static locale_t c_locale;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void make_locale(void)
{
    c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Checks the grammar [+-]? (d+ (. d*)? | . d+) ([eE] [+-]? d+)? and returns its end. */
static const char *scan(const char *p)
{
    int digits = 0;
    if (*p == '+' || *p == '-')
        p++;
    for (; is_digit(*p); p++)
        digits++;
    if (*p == '.')
        for (p++; is_digit(*p); p++)
            digits++;
    if (!digits)
        return NULL;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!is_digit(*p))
            return NULL;
        while (is_digit(*p))
            p++;
    }
    return p;
}

int cefo__parse_number(const char *s, double *out, const char **why)
{
    while (is_space(*s))
        s++;
    const char *end = scan(s);
    const char *rest = end;
    while (rest && is_space(*rest))
        rest++;
    if (!end || *rest) {
        *why = "is not a plain decimal number";
        return -1;
    }
    pthread_once(&once, make_locale);
    if (c_locale == (locale_t)0) {
        *why = "cannot be read: no C locale";
        return -1;
    }
    errno = 0;
    char *stop;
    locale_t old = uselocale(c_locale);
    double v = strtod(s, &stop);
    uselocale(old);
    if (stop != end) {
        *why = "is not a plain decimal number";
        return -1;
    }
    if (errno == ERANGE && isinf(v)) {
        *why = "is too large";
        return -1;
    }
    *out = v == 0 ? 0.0 : v; /* underflow to zero is accepted; -0 becomes 0 */
    return 0;
}
