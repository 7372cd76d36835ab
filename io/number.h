/* number.h - strict decimal numbers in the C locale, whatever the host's locale. */
#ifndef CEFO_IO_NUMBER_H
#define CEFO_IO_NUMBER_H

/*
 * Parses a plain decimal number: optional sign, digits with an optional point, optional
 * exponent; surrounding XML white space allowed. NaN, Inf, hex, overflow and trailing junk
 * are refused. Returns 0 and sets *out, or -1 with a reason in *why.
 */
int cefo__parse_number(const char *s, double *out, const char **why);

#endif
