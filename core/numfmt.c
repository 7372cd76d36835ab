/* numfmt.c - numbers written for files and for people, in the C locale. */
#include "core/numfmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* LP noise below this magnitude is written as 0 (GLPK's own tolerances are ~1e-7 relative). */
#define NOISE 1e-9

static double clean(double v)
{
    return fabs(v) < NOISE ? 0.0 : v;
}

const char *cefo__fmt_num(char buf[32], double v, const char *none)
{
    if (!isfinite(v))
        return none;
    v = clean(v);
    snprintf(buf, 32, "%.15g", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, 32, "%.17g", v);
    return buf;
}

const char *cefo__fmt_human(char buf[32], double v)
{
    if (isnan(v))
        return "-";
    if (isinf(v))
        return "none";
    v = clean(v);
    double a = fabs(v);
    if (a != 0 && (a < 1e-4 || a >= 1e15)) {
        snprintf(buf, 32, "%.6g", v);
        return buf;
    }
    int decimals = a == 0 ? 0 : 5 - (int)floor(log10(a));
    decimals = decimals < 0 ? 0 : decimals > 6 ? 6 : decimals;
    snprintf(buf, 32, "%.*f", decimals, v);
    if (strchr(buf, '.')) {
        char *e = buf + strlen(buf) - 1;
        while (*e == '0')
            *e-- = '\0';
        if (*e == '.')
            *e = '\0';
    }
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
    return buf;
}

void cefo__c_locale_push(cefo__locale *s)
{
    /* Numbers in the C locale even inside a host that set another one (thread-local switch). */
    s->c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    s->old = s->c ? uselocale(s->c) : (locale_t)0;
}

void cefo__c_locale_pop(cefo__locale *s)
{
    if (s->c) {
        uselocale(s->old);
        freelocale(s->c);
    }
}
