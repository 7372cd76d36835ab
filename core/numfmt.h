/* numfmt.h - numbers written for files and for people, in the C locale. */
#ifndef CEFO_CORE_NUMFMT_H
#define CEFO_CORE_NUMFMT_H

#include <locale.h>

/* Shortest of %.15g / %.17g that reads back exactly; `none` when v is NaN or infinite. */
const char *cefo__fmt_num(char buf[32], double v, const char *none);
/* About six significant digits without an exponent, for people; "-" NaN, "none" infinite. */
const char *cefo__fmt_human(char buf[32], double v);

/* The locale to restore after a switch to the C locale (on the caller's stack). */
typedef struct cefo__locale {
    locale_t old;
    locale_t c;
} cefo__locale;

/* Switches this thread to the C locale for numbers, and back. */
void cefo__c_locale_push(cefo__locale *saved);
void cefo__c_locale_pop(cefo__locale *saved);

#endif
