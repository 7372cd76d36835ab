/* number.h - strict decimal numbers in the C locale, whatever the host's locale. */
#ifndef CEFO_IO_NUMBER_H
#define CEFO_IO_NUMBER_H

/*
 * The largest magnitude cefo reads. Up to 1e15 a double still holds every whole number
 * exactly, and no sum or product of two input numbers can overflow (1e15 x 1e15 = 1e30);
 * an amount beyond it is almost surely a unit mistake or a stand-in for "unlimited", for
 * which cefo has the absent attribute.
 */
#define CEFO__NUMBER_MAX 1e15

/*
 * Parses a plain decimal number: optional sign, digits with an optional point, optional
 * exponent; surrounding XML white space allowed. NaN, Inf, hex, trailing junk, magnitudes
 * beyond CEFO__NUMBER_MAX and non-zero numbers that underflow (to 0 or to a subnormal
 * double, below 2.2e-308) are refused. Returns 0 and sets *out, or -1 with a reason in *why.
 */
int cefo__parse_number(const char *s, double *out, const char **why);

#endif
