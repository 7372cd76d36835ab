/* table_write.c - the cost terms and the indicators as every writer shows them, read from the
 * one table of each in models/ (never listed by hand: a term added there is shown everywhere). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "writers/fmt.h"

void cefo__json_costs(FILE *fp, const cefo_result *r)
{
    size_t n = cefo_result_cost_count(r);
    fputc('{', fp);
    for (size_t i = 0; i < n; i++) {
        cefo_cost_term t;
        cefo_result_cost_term(r, i, &t);
        cefo__json_num(fp, t.key, t.value, i + 1 == n);
    }
    fputc('}', fp);
}

const char *cefo__indicator_unit(char buf[CEFO__UNIT_MAX], const cefo_indicator_row *row)
{
    if (!row->unit)
        return "";
    if (row->kind != CEFO_INDICATOR_RATE)
        return row->unit;
    snprintf(buf, CEFO__UNIT_MAX, "%.90s/%.90s", row->unit, row->unit);
    return buf;
}

const char *cefo__indicator_name(char buf[CEFO__UNIT_MAX], const cefo_indicator_row *row,
                                 int column)
{
    if (!row->unit)
        return column ? row->key : row->label;
    if (column)
        snprintf(buf, CEFO__UNIT_MAX, "%s:%.160s", row->key, row->unit);
    else if (row->kind == CEFO_INDICATOR_RATE)
        snprintf(buf, CEFO__UNIT_MAX, "%s (%.80s/%.80s)", row->label, row->unit, row->unit);
    else
        snprintf(buf, CEFO__UNIT_MAX, "%s (%.160s)", row->label, row->unit);
    return buf;
}

/* {"waste_generated": {"t": 2.5, "m3": 330}, ..., "labour": 5}: an indicator by unit as an
 * object (empty when the network has no material it could be given in), a total as a number. */
void cefo__json_indicators(FILE *fp, const cefo_result *r)
{
    size_t nrow = cefo_result_indicator_count(r), j = 0;
    char b[32];
    fputc('{', fp);
    for (size_t i = 0; i < cefo_indicator_count(); i++) {
        const char *key;
        cefo_indicator_kind kind;
        cefo_indicator_row row;
        cefo_indicator_info(i, &key, NULL, &kind);
        fprintf(fp, "%s\"%s\": ", i ? ", " : "", key);
        if (kind == CEFO_INDICATOR_TOTAL) {
            cefo_result_indicator(r, j++, &row);
            fputs(cefo__fmt_num(b, row.value, "null"), fp);
            continue;
        }
        fputc('{', fp);
        for (size_t first = j; j < nrow && cefo_result_indicator(r, j, &row) == CEFO_OK
                               && strcmp(row.key, key) == 0;
             j++) {
            fputs(j > first ? ", " : "", fp);
            cefo__json_str(fp, row.unit);
            fprintf(fp, ": %s", cefo__fmt_num(b, row.value, "null"));
        }
        fputc('}', fp);
    }
    fputc('}', fp);
}

/* The table's kind of indicator `key` (CEFO_INDICATOR_TOTAL when unknown). */
static cefo_indicator_kind kind_of(const char *key)
{
    for (size_t i = 0; i < cefo_indicator_count(); i++) {
        const char *k;
        cefo_indicator_kind kind;
        cefo_indicator_info(i, &k, NULL, &kind);
        if (strcmp(k, key) == 0)
            return kind;
    }
    return CEFO_INDICATOR_TOTAL;
}

double cefo__indicator_shown(const cefo_result *r, const char *key, const char *unit)
{
    if (unit || kind_of(key) == CEFO_INDICATOR_TOTAL)
        return cefo_result_indicator_value(r, key, unit);
    for (size_t i = 0; i < cefo_result_indicator_count(r); i++) {
        cefo_indicator_row row;
        cefo_result_indicator(r, i, &row);
        if (strcmp(row.key, key) == 0)
            return NAN; /* given in units: none stands without one */
    }
    return kind_of(key) == CEFO_INDICATOR_AMOUNT && !isnan(cefo_result_objective(r)) ? 0 : NAN;
}

int cefo__indicator_next(const cefo_result *r, cefo__ind_iter *it, cefo_indicator_row *row)
{
    while (it->i < cefo_indicator_count()) {
        const char *key, *label;
        cefo_indicator_kind kind;
        cefo_indicator_info(it->i, &key, &label, &kind);
        if (it->j < cefo_result_indicator_count(r)
            && cefo_result_indicator(r, it->j, row) == CEFO_OK && strcmp(row->key, key) == 0) {
            it->j++;
            it->shown = 1;
            return 1;
        }
        int shown = it->shown;
        it->i++;
        it->shown = 0;
        if (!shown) {
            *row = (cefo_indicator_row){key, label, kind, NULL,
                                        cefo__indicator_shown(r, key, NULL)};
            return 1;
        }
    }
    return 0;
}

void cefo__text_indicators(FILE *fp, const cefo_result *r)
{
    char b[32], u[CEFO__UNIT_MAX];
    cefo__ind_iter it = {0};
    cefo_indicator_row row;
    fputs("\nIndicators (amounts by unit, never added across units)\n", fp);
    while (cefo__indicator_next(r, &it, &row)) {
        fprintf(fp, "  %-20s %16s", row.label, cefo__fmt_human(b, row.value));
        if (row.unit && !isnan(row.value)) {
            fputc(' ', fp);
            cefo__text_str(fp, cefo__indicator_unit(u, &row));
        }
        fputc('\n', fp);
    }
}
