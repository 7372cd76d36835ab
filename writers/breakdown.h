/* breakdown.h - writers of a plan by firm, sector and zone (breakdown_write.c). */
#ifndef CEFO_WRITERS_BREAKDOWN_H
#define CEFO_WRITERS_BREAKDOWN_H

#include <stdio.h>

#include "cefo/cefo.h"

/* JSON: `, "cost": .., "labour": .., "emissions": {..}` inside process i's object. */
void cefo__json_process_figures(FILE *fp, const cefo_result *r, size_t i);
/* JSON: `,\n  "sectors": [...]` and `"zones"`, each only when some process gives one. */
void cefo__json_areas(FILE *fp, const cefo_result *r);
/* CSV rows of the long table: process i's cost, labour and emissions; sector and zone rows. */
void cefo__csv_process_figures(FILE *fp, const cefo_result *r, size_t i, const char *cur);
void cefo__csv_areas(FILE *fp, const cefo_result *r, const char *cur);
/* Text and HTML tables "By sector" and "By zone". */
void cefo__text_areas(FILE *fp, const cefo_result *r);
void cefo__html_areas(FILE *fp, const cefo_result *r);

#endif
