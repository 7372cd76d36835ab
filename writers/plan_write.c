/* plan_write.c - plans over several periods as JSON, text and CSV (docs/results.md): the
 * programme, then every period as a plan of its own, and each group's trajectory. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "writers/fmt.h"
#include "writers/plan.h"

/* The state of group g in period t: its variant label (the process id without one),
 * "closed", or NULL without a plan. */
static const char *state(const cefo_result *r, size_t g, size_t t)
{
    cefo_group_result row;
    const cefo_result *q = cefo_result_period(r, t);
    if (cefo_result_trajectory(r, g, t, &row) != CEFO_OK || isnan(cefo_result_objective(q)))
        return NULL;
    return row.chosen ? (row.variant ? row.variant : row.chosen) : "closed";
}

void cefo__json_period_head(FILE *fp, const cefo_period_info *period)
{
    fputs("\"id\": ", fp);
    cefo__json_str(fp, period->id);
    fputs(", ", fp);
    cefo__json_num(fp, "years", period->years, 0);
    cefo__json_num(fp, "start", period->start, 0);
    cefo__json_num(fp, "discount", period->discount, 0);
    cefo__json_num(fp, "discounted_objective", period->discounted, 0);
    fputs("\n  ", fp);
}

void cefo__json_trajectory(FILE *fp, const cefo_result *r, size_t g)
{
    size_t n = cefo_result_period_count(r);
    if (!n)
        return;
    fputs("\"trajectory\": [", fp);
    for (size_t t = 0; t < n; t++) {
        fputs(t ? ", " : "", fp);
        cefo__json_str_or_null(fp, state(r, g, t));
    }
    fputc(']', fp);
}

void cefo__json_periods(FILE *fp, const cefo_result *r)
{
    size_t n = cefo_result_period_count(r);
    if (!n)
        return;
    fputs(",\n  \"periods\": [", fp);
    for (size_t t = 0; t < n; t++) {
        cefo_period_info info;
        cefo_result_period_info(r, t, &info);
        fputs(t ? ",\n" : "\n", fp);
        cefo__json_plan(cefo_result_period(r, t), fp, &info);
    }
    fputs("\n  ]", fp);
}

void cefo__text_period_head(FILE *fp, const cefo_period_info *period, const char *cur)
{
    char b1[32], b2[32], b3[32], b4[32], b5[32];
    fputs("\n== Period ", fp);
    cefo__text_str(fp, period->id);
    fprintf(fp, ": %s year(s) from year %s, discount factor %s; its cost %s %s (%s in the "
                "total)\n", cefo__fmt_human(b1, period->years), cefo__fmt_human(b2, period->start),
            cefo__fmt_human(b3, period->discount), cefo__fmt_human(b4, period->objective), cur,
            cefo__fmt_human(b5, period->discounted));
}

/* Groups by period: the state each group is in. */
static void text_trajectories(FILE *fp, const cefo_result *r)
{
    size_t n = cefo_result_period_count(r), ng = cefo_result_count(r, CEFO_GROUP);
    if (!ng)
        return;
    fputs("\nTrajectories (state of each group by period)\n  group               ", fp);
    for (size_t t = 0; t < n; t++) {
        fputs(" ", fp);
        cefo_period_info info;
        cefo_result_period_info(r, t, &info);
        fprintf(fp, "%-12.12s", info.id);
    }
    fputc('\n', fp);
    for (size_t g = 0; g < ng; g++) {
        cefo_group_result row;
        cefo_result_group(r, g, &row);
        fprintf(fp, "  %-20.20s", row.id);
        for (size_t t = 0; t < n; t++) {
            const char *s = state(r, g, t);
            fprintf(fp, " %-12.12s", s ? s : "-");
        }
        fputc('\n', fp);
    }
}

void cefo__text_periods(FILE *fp, const cefo_result *r)
{
    size_t n = cefo_result_period_count(r);
    if (!n)
        return;
    text_trajectories(fp, r);
    for (size_t t = 0; t < n; t++) {
        cefo_period_info info;
        cefo_result_period_info(r, t, &info);
        cefo__text_plan(cefo_result_period(r, t), fp, &info);
    }
}

/* The CSV rows of `r` (no header), each after the cell `period` (empty when NULL). */
static void prefixed_rows(FILE *fp, const cefo_result *r, const char *period)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return;
    cefo__csv_plan(r, m, 0);
    if (fclose(m) != 0) {
        free(buf);
        return;
    }
    for (char *line = buf; line && *line;) {
        char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) + 1 : strlen(line);
        if (period)
            cefo__csv_field(fp, period);
        fputc(',', fp);
        fwrite(line, 1, n, fp);
        line += n;
    }
    free(buf);
}

void cefo__csv_periods(FILE *fp, const cefo_result *r)
{
    size_t n = cefo_result_period_count(r);
    fputs("period,section,id,from,to,material,quantity,value,unit\n", fp);
    cefo__csv_source(fp, cefo_result_network(r), ",");
    prefixed_rows(fp, r, NULL);
    for (size_t t = 0; t < n; t++) {
        cefo_period_info info;
        cefo_result_period_info(r, t, &info);
        const char *q[] = {"years", "start", "discount", "discounted_objective"};
        const double v[] = {info.years, info.start, info.discount, info.discounted};
        for (int k = 0; k < 4; k++) {
            const char *f[] = {"period", info.id, NULL, NULL, NULL, q[k]};
            fputc(',', fp);
            cefo__csv_line(fp, f, 6, v[k], NULL);
        }
    }
    for (size_t t = 0; t < n; t++) {
        cefo_period_info info;
        cefo_result_period_info(r, t, &info);
        prefixed_rows(fp, cefo_result_period(r, t), info.id);
    }
}
