/* number.c - strict number parsing (strtod under a thread-local C locale, after a grammar check). */
#include "io/number.h"

#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
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

/*
 * Clinger's fast path: a significand of at most 15 digits and a power of ten within +-22 are
 * both exact doubles, so one multiplication or division gives the correctly rounded value,
 * as strtod would. Returns 0 and *out, or -1 when the number needs strtod.
 */
static int fast_path(const char *p, const char *end, double *out)
{
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    int neg = *p == '-', digits = 0, scale = 0, exp = 0, eneg = 0;
    uint64_t m = 0;
    if (*p == '+' || *p == '-')
        p++;
    while (p < end && *p == '0') /* leading zeros are not significant */
        p++;
    for (; p < end && is_digit(*p); p++, digits++)
        m = m * 10 + (uint64_t)(*p - '0');
    if (p < end && *p == '.') {
        for (p++; p < end && is_digit(*p); p++, scale--) {
            if (!digits && *p == '0')
                continue;
            m = m * 10 + (uint64_t)(*p - '0');
            digits++;
        }
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        eneg = *p == '-';
        if (*p == '+' || *p == '-')
            p++;
        for (; p < end && is_digit(*p) && exp < 1000; p++)
            exp = exp * 10 + (*p - '0');
    }
    if (p != end || digits > 15 || exp >= 1000)
        return -1;
    int e = scale + (eneg ? -exp : exp);
    if (e < -22 || e > 22)
        return -1;
    double v = (double)m;
    v = e < 0 ? v / pow10[-e] : v * pow10[e];
    *out = neg ? -v : v;
    return 0;
}

/* Whether the significand of a scanned number has a non-zero digit. */
static int nonzero(const char *p, const char *end)
{
    for (; p < end && *p != 'e' && *p != 'E'; p++)
        if (*p >= '1' && *p <= '9')
            return 1;
    return 0;
}

/* The magnitude policy of number.h, on a correctly rounded value. */
static int in_range(double v, int digits_nonzero, const char **why)
{
    if (fabs(v) > CEFO__NUMBER_MAX) {
        *why = "is too large: cefo reads numbers up to 1e15 in magnitude";
        return 0;
    }
    if (digits_nonzero && fabs(v) < DBL_MIN) {
        *why = "is too small: a number below 2.2e-308 would lose its digits or become 0";
        return 0;
    }
    return 1;
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
    double v;
    if (fast_path(s, end, &v) == 0) {
        if (!in_range(v, 0, why)) /* the fast path never underflows */
            return -1;
        *out = v == 0 ? 0.0 : v; /* -0 becomes 0 */
        return 0;
    }
    pthread_once(&once, make_locale);
    if (c_locale == (locale_t)0) {
        *why = "cannot be read: no C locale";
        return -1;
    }
    char *stop;
    locale_t old = uselocale(c_locale);
    v = strtod(s, &stop);
    uselocale(old);
    if (stop != end) {
        *why = "is not a plain decimal number";
        return -1;
    }
    /* Overflow (inf) and underflow (0 or subnormal) are judged on the value itself. */
    if (!in_range(v, nonzero(s, end), why))
        return -1;
    *out = v == 0 ? 0.0 : v; /* -0 becomes 0 */
    return 0;
}
