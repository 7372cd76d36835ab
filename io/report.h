/* report.h - pieces the SVG and HTML writers share. */
#ifndef CEFO_IO_REPORT_H
#define CEFO_IO_REPORT_H

#include <stdio.h>

#include "models/result.h"

/* Text escaped for XML and HTML content and attribute values. */
void cefo__xml_text(FILE *fp, const char *s);

/* The Sankey diagram of a plan as an <svg> element (no XML declaration). */
void cefo__svg_sankey(const cefo_result *r, FILE *fp);

#endif
