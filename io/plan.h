/* plan.h - writers of plans over several periods (plan_write.c) and the plan writers they
 * call back for each period (result_write.c). */
#ifndef CEFO_IO_PLAN_H
#define CEFO_IO_PLAN_H

#include <stdio.h>

#include "cefo/cefo.h"

/* A plan as JSON (one object), text or CSV rows (with the header line when `header`); with
 * `period`, as one period of a plan over several (its id, years and discount first). */
void cefo__json_plan(const cefo_result *r, FILE *fp, const cefo_period_info *period);
void cefo__text_plan(const cefo_result *r, FILE *fp, const cefo_period_info *period);
void cefo__csv_plan(const cefo_result *r, FILE *fp, int header);

/* JSON: the keys of a period before its plan's; `,\n  "periods": [...]` of a plan over
 * several periods (nothing otherwise); `, "trajectory": [...]` of group g (the variant that
 * runs in each period, "closed" when none). */
void cefo__json_period_head(FILE *fp, const cefo_period_info *period);
void cefo__json_periods(FILE *fp, const cefo_result *r);
void cefo__json_trajectory(FILE *fp, const cefo_result *r, size_t g);
/* Text: a period's heading; the trajectories and every period of a plan over several. */
void cefo__text_period_head(FILE *fp, const cefo_period_info *period, const char *cur);
void cefo__text_periods(FILE *fp, const cefo_result *r);
/* CSV of a plan over several periods: a `period` column first, empty for the programme. */
void cefo__csv_periods(FILE *fp, const cefo_result *r);

#endif
