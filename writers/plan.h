/* plan.h - writers of plans over several periods (plan_write.c) and the plan writers they
 * call back for each period (result_write.c, result_json.c, result_csv.c). */
#ifndef CEFO_WRITERS_PLAN_H
#define CEFO_WRITERS_PLAN_H

#include <stdio.h>

#include "cefo/cefo.h"

/* A plan as JSON (one object), text or CSV rows (with the header line when `header`); with
 * `period`, as one period of a plan over several (its id, years and discount first). */
void cefo__json_plan(const cefo_result *r, FILE *fp, const cefo_period_info *period);
void cefo__text_plan(const cefo_result *r, FILE *fp, const cefo_period_info *period);
void cefo__csv_plan(const cefo_result *r, FILE *fp, int header);
/* Whether a plan was solved as a MIP (branch and bound, then the LP with the decisions fixed):
 * its network has build/keep decisions, optional processes, group members or optional links
 * (cefo.h, cefo_result_gap). */
int cefo__plan_is_mip(const cefo_result *r);

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

/* Where a plan came from and the network's labels (source_write.c): JSON's `"name": ...,
 * "source": {...},` keys (then a new line), text's first lines ("Plan for FILE", then the
 * network's name, the scenario and the edits when there are), CSV's `source` and `label` rows,
 * each line after `prefix`. */
void cefo__json_source(FILE *fp, const cefo_network *net);
void cefo__text_source(FILE *fp, const cefo_network *net);
void cefo__csv_source(FILE *fp, const cefo_network *net, const char *prefix);
/* A process's labels as JSON keys, each followed by ", ": name, sector, zone (null when not
 * given). */
void cefo__json_labels(FILE *fp, const cefo_process_info *p);
/* Text: the columns sector, zone and name after a process's row (the heading for p NULL),
 * each when some process has that label ("-" for one without); their widths, found once. */
typedef struct cefo__label_cols {
    int name;               /* some process has a name */
    size_t sector, zone;    /* the columns' widths, 0 when no process has that label */
} cefo__label_cols;
cefo__label_cols cefo__text_label_cols(const cefo_network *net);
void cefo__text_labels(FILE *fp, const cefo__label_cols *c, const cefo_process_info *p);

#endif
