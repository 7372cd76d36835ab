/* report.h - pieces the SVG and HTML writers share. */
#ifndef CEFO_WRITERS_REPORT_H
#define CEFO_WRITERS_REPORT_H

#include <stdio.h>

#include "cefo/cefo.h"

/* Text escaped for XML and HTML content and attribute values. */
void cefo__xml_text(FILE *fp, const char *s);

/* Where the plan came from (source_write.c): the file (when `file`), the scenario and the
 * edits, as a <p> (nothing when it would be empty). */
void cefo__html_source(FILE *fp, const cefo_network *net, int file);

/* The Sankey diagram of a plan as an <svg> element (no XML declaration). */
void cefo__svg_sankey(const cefo_result *r, FILE *fp);

/* The name of process p for people: its name, else its id. */
const char *cefo__process_label(const cefo_network *net, size_t p);


/* report_plan.c: tables of the plan (activities, links, materials), the largest emitters per
 * pollutant by firm and sector, the footprints of the final products. */
void cefo__html_plan(FILE *fp, const cefo_result *r);
void cefo__html_emitters(FILE *fp, const cefo_result *r);
void cefo__html_footprints(FILE *fp, const cefo_result *r);

/* report_trajectory.c: a programme's periods (table) and its trajectory (SVG: firms by state
 * per period, each capped pollutant's emission against its cap); nothing without periods or
 * without a plan. */
void cefo__html_trajectory(FILE *fp, const cefo_result *r);

#endif
