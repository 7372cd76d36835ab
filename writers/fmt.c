/* fmt.c - shared formatting for the writers: numbers, JSON and CSV strings. */
#include "writers/fmt.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"

void cefo__json_str(FILE *fp, const char *s)
{
    fputc('"', fp);
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(fp, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(fp, "\\u%04x", *p);
        else
            fputc(*p, fp);
    }
    fputc('"', fp);
}

void cefo__json_str_or_null(FILE *fp, const char *s)
{
    if (s)
        cefo__json_str(fp, s);
    else
        fputs("null", fp);
}

void cefo__json_num(FILE *fp, const char *key, double v, int last)
{
    char b[32];
    fprintf(fp, "\"%s\": %s%s", key, cefo__fmt_num(b, v, "null"), last ? "" : ", ");
}

void cefo__json_array(FILE *fp, const double *v, size_t n)
{
    char b[32];
    fputc('[', fp);
    for (size_t i = 0; i < n; i++)
        fprintf(fp, "%s%s", i ? ", " : "", cefo__fmt_num(b, v[i], "null"));
    fputc(']', fp);
}

/* Where a CSV cell goes: a stream, or a buffer of `size` bytes (`len` counts what was asked). */
typedef struct csv_sink {
    FILE *fp;
    char *buf;
    size_t size, len;
} csv_sink;

static void put(csv_sink *k, char c)
{
    if (k->fp)
        fputc(c, k->fp);
    else if (k->len + 1 < k->size)
        k->buf[k->len] = c;
    k->len++;
}

/* A whole finite decimal number: a spreadsheet reads it as that number, not as a formula. */
static int is_number(const char *s)
{
    char *end;
    double v = strtod(s, &end);
    return end != s && !*end && isfinite(v) && !strpbrk(s, "xXnNiI \t");
}

/*
 * OWASP's defence against CSV injection: text that begins with = + - @ TAB or CR is a formula
 * to a spreadsheet, so it gets a leading ' (the spreadsheet shows the text as it is). Then
 * RFC 4180 quoting for separators, quotes and line breaks.
 */
static void csv_cell(csv_sink *k, const char *s)
{
    if (!s)
        return;
    int guard = strchr("=+-@\t\r", s[0]) && s[0] && !is_number(s);
    int quote = strpbrk(s, ",\"\n\r") != NULL;
    if (quote)
        put(k, '"');
    if (guard)
        put(k, '\'');
    for (; *s; s++) {
        if (*s == '"')
            put(k, '"');
        put(k, *s);
    }
    if (quote)
        put(k, '"');
}

void cefo__csv_field(FILE *fp, const char *s)
{
    csv_sink k = {fp, NULL, 0, 0};
    csv_cell(&k, s);
}

size_t cefo_csv_cell(char *buf, size_t size, const char *text)
{
    csv_sink k = {NULL, buf, buf ? size : 0, 0};
    csv_cell(&k, text);
    if (k.size)
        buf[k.len < k.size ? k.len : k.size - 1] = '\0';
    return k.len;
}

void cefo__text_str(FILE *fp, const char *s)
{
    char b[8];
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
        const char *esc = cefo__control_escape(*p, b);
        if (esc)
            fputs(esc, fp);
        else
            fputc(*p, fp);
    }
}

size_t cefo__text_width(const char *s)
{
    char b[8];
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
        const char *esc = cefo__control_escape(*p, b);
        n += esc ? strlen(esc) : (*p & 0xC0) != 0x80; /* continuation bytes take no room */
    }
    return n;
}

void cefo__csv_line(FILE *fp, const char *const *fields, int n, double v, const char *unit)
{
    char b[32];
    for (int i = 0; i < n; i++) {
        cefo__csv_field(fp, fields[i]);
        fputc(',', fp);
    }
    fputs(cefo__fmt_num(b, v, ""), fp);
    fputc(',', fp);
    cefo__csv_field(fp, unit);
    fputc('\n', fp);
}

const char *cefo__currency(const cefo_network *net)
{
    const char *cur = cefo_network_currency(net);
    return cur ? cur : "currency units";
}

static _Thread_local int write_nomem;

void cefo__write_nomem(void)
{
    write_nomem = 1;
}

int cefo__write_run(cefo__writer write, const void *ctx, FILE *fp)
{
    cefo__locale saved;
    write_nomem = 0;
    cefo__c_locale_push(&saved);
    write(ctx, fp);
    cefo__c_locale_pop(&saved);
    return write_nomem;
}

cefo_status cefo__write_stream(cefo__writer write, const void *ctx, FILE *fp, cefo_error *err)
{
    if (!fp)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "no stream");
    if (cefo__write_run(write, ctx, fp)) {
        fflush(fp);
        return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory while writing");
    }
    if (fflush(fp) != 0 || ferror(fp))
        return cefo__error(err, CEFO_ERR_IO, NULL, 0, NULL, "write failed: %s", strerror(errno));
    return CEFO_OK;
}

int cefo__format_ok(cefo_format format)
{
    return format == CEFO_FORMAT_TEXT || format == CEFO_FORMAT_JSON || format == CEFO_FORMAT_CSV;
}

cefo_status cefo__write_format(const cefo__formats *w, cefo_format format, const void *ctx,
                               FILE *fp, const char *path, cefo_error *err)
{
    if (!cefo__format_ok(format))
        return cefo__error(err, CEFO_ERR_ARG, path, 0, NULL, "bad output format");
    cefo__writer write = format == CEFO_FORMAT_JSON ? w->json
                         : format == CEFO_FORMAT_CSV ? w->csv
                                                     : w->text;
    return path ? cefo__write_atomic(write, ctx, path, err)
                : cefo__write_stream(write, ctx, fp, err);
}
