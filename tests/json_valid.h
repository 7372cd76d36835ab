/* json_valid.h - a strict JSON (RFC 8259) validator for the unit tests: every JSON a test makes
 * in memory is parsed, not only searched for keys (tests/json_check.py does the same for the
 * CLI's). Duplicate keys are not detected here; NaN, Infinity, trailing commas, bare control
 * characters and trailing garbage are errors. */
#ifndef CEFO_JSON_VALID_H
#define CEFO_JSON_VALID_H

#include <string.h>

static const char *json__value(const char *p, int depth);

static const char *json__ws(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    return p;
}

static const char *json__string(const char *p)
{
    if (*p++ != '"')
        return NULL;
    while (*p != '"') {
        if ((unsigned char)*p < 0x20)
            return NULL;
        if (*p++ != '\\')
            continue;
        if (*p == 'u') {
            for (int i = 1; i <= 4; i++)
                if (!strchr("0123456789abcdefABCDEF", p[i]) || !p[i])
                    return NULL;
            p += 5;
        } else if (*p && strchr("\"\\/bfnrt", *p)) {
            p++;
        } else {
            return NULL;
        }
    }
    return p + 1;
}

static const char *json__digits(const char *p)
{
    if (*p < '0' || *p > '9')
        return NULL;
    while (*p >= '0' && *p <= '9')
        p++;
    return p;
}

static const char *json__number(const char *p)
{
    if (*p == '-')
        p++;
    if (*p == '0')
        p++;
    else if (!(p = json__digits(p)))
        return NULL;
    if (*p == '.' && !(p = json__digits(p + 1)))
        return NULL;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        p = json__digits(p);
    }
    return p;
}

/* An object or array: open, items separated by commas, close; `keyed` for an object. */
static const char *json__container(const char *p, int depth, char close, int keyed)
{
    p = json__ws(p + 1);
    if (*p == close)
        return p + 1;
    for (;;) {
        if (keyed) {
            if (!(p = json__string(p)))
                return NULL;
            p = json__ws(p);
            if (*p++ != ':')
                return NULL;
        }
        if (!(p = json__value(p, depth + 1)))
            return NULL;
        p = json__ws(p);
        if (*p == close)
            return p + 1;
        if (*p++ != ',')
            return NULL;
        p = json__ws(p);
    }
}

static const char *json__value(const char *p, int depth)
{
    p = json__ws(p);
    if (depth > 64)
        return NULL;
    switch (*p) {
    case '{': return json__container(p, depth, '}', 1);
    case '[': return json__container(p, depth, ']', 0);
    case '"': return json__string(p);
    case 't': return strncmp(p, "true", 4) == 0 ? p + 4 : NULL;
    case 'f': return strncmp(p, "false", 5) == 0 ? p + 5 : NULL;
    case 'n': return strncmp(p, "null", 4) == 0 ? p + 4 : NULL;
    default: return json__number(p);
    }
}

/* 1 when `text` is exactly one JSON value (surrounding white space allowed). */
static inline int json_valid(const char *text)
{
    const char *end = json__value(text, 0);
    return end && *json__ws(end) == '\0';
}

#endif
