/* source_write.c - where a plan came from (its file, scenario and edits) and the labels of the
 * network and its processes, in every form a plan is written (docs/results.md). */
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "writers/fmt.h"
#include "writers/plan.h"
#include "writers/report.h"

static const char *edit_kind(cefo_edit_kind k)
{
    return k == CEFO_EDIT_SET ? "set" : k == CEFO_EDIT_SCALE ? "scale" : "remove";
}

/* An edit as a person writes it: "set SEL=VALUE", "scale SEL=F" or "remove SEL" (malloc'd,
 * NULL when out of memory). */
static char *edit_words(const cefo_edit *e)
{
    char b[32] = "";
    if (e->kind == CEFO_EDIT_SCALE)
        cefo__fmt_num(b, e->factor, "");
    const char *v = e->kind == CEFO_EDIT_SET ? (e->value ? e->value : "") : b;
    const char *eq = e->kind == CEFO_EDIT_REMOVE ? "" : "=";
    int n = snprintf(NULL, 0, "%s %s%s%s", edit_kind(e->kind), e->sel, eq, v);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s)
        snprintf(s, (size_t)n + 1, "%s %s%s%s", edit_kind(e->kind), e->sel, eq, v);
    return s;
}

void cefo__json_source(FILE *fp, const cefo_network *net)
{
    fputs("\"name\": ", fp);
    cefo__json_str_or_null(fp, cefo_network_name(net));
    fputs(",\n  \"source\": {\"file\": ", fp);
    cefo__json_str(fp, cefo_network_file(net));
    fputs(", \"scenario\": ", fp);
    if (cefo_network_scenario(net)) {
        fputs("{\"id\": ", fp);
        cefo__json_str(fp, cefo_network_scenario(net));
        fputs(", \"name\": ", fp);
        cefo__json_str(fp, cefo_network_scenario_name(net));
        fputs(", \"file\": ", fp);
        cefo__json_str_or_null(fp, cefo_network_scenarios_file(net));
        fputc('}', fp);
    } else {
        fputs("null", fp);
    }
    fputs(", \"edits\": [", fp);
    for (size_t i = 0; i < cefo_network_edit_count(net); i++) {
        cefo_edit e;
        cefo_network_edit(net, i, &e);
        fprintf(fp, "%s{\"kind\": \"%s\", \"selector\": ", i ? ", " : "", edit_kind(e.kind));
        cefo__json_str(fp, e.sel);
        if (e.kind == CEFO_EDIT_SET) {
            fputs(", \"value\": ", fp);
            cefo__json_str(fp, e.value ? e.value : "");
        } else if (e.kind == CEFO_EDIT_SCALE) {
            fputs(", ", fp);
            cefo__json_num(fp, "factor", e.factor, 1);
        }
        fputc('}', fp);
    }
    fputs("]},\n  ", fp);
}

/* The scenario ("Scenario: ID (NAME) of FILE") and the edits ("Edits: E1; E2") of a network,
 * each when there is one, as text or HTML: strings through `put`, each line after `br` but
 * the first one written after `first`. */
static void scenario_lines(FILE *fp, const cefo_network *net, void (*put)(FILE *, const char *),
                           const char *first, const char *br)
{
    const char *id = cefo_network_scenario(net), *name = cefo_network_scenario_name(net);
    if (id) {
        fprintf(fp, "%sScenario: ", first);
        first = br;
        put(fp, id);
        if (name && strcmp(name, id) != 0) {
            fputs(" (", fp);
            put(fp, name);
            fputc(')', fp);
        }
        if (cefo_network_scenarios_file(net)) {
            fputs(" of ", fp);
            put(fp, cefo_network_scenarios_file(net));
        }
    }
    for (size_t i = 0; i < cefo_network_edit_count(net); i++) {
        cefo_edit e;
        cefo_network_edit(net, i, &e);
        char *w = edit_words(&e);
        if (!i)
            fprintf(fp, "%sEdits: ", first);
        fputs(i ? "; " : "", fp);
        if (!w)
            cefo__write_nomem();
        put(fp, w ? w : "(out of memory)");
        free(w);
    }
}

void cefo__text_source(FILE *fp, const cefo_network *net)
{
    fputs("Plan for ", fp);
    cefo__text_str(fp, cefo_network_file(net));
    if (cefo_network_name(net)) {
        fputs("\nNetwork: ", fp);
        cefo__text_str(fp, cefo_network_name(net));
    }
    scenario_lines(fp, net, cefo__text_str, "\n", "\n");
    fputc('\n', fp);
}

/* One row `SECTION,TEXT,FROM,,,QUANTITY,V,` of the long table. */
static void text_row(FILE *fp, const char *section, const char *text, const char *from,
                     const char *quantity, double v)
{
    const char *f[] = {section, text, from, NULL, NULL, quantity};
    cefo__csv_line(fp, f, 6, v, NULL);
}

void cefo__csv_source(FILE *fp, const cefo_network *net, const char *prefix)
{
    const char *q[] = {"file", "scenarios_file", "scenario", "scenario_name"};
    const char *v[] = {cefo_network_file(net), cefo_network_scenarios_file(net),
                       cefo_network_scenario(net), cefo_network_scenario_name(net)};
    for (int k = 0; k < 4; k++)
        if (v[k]) {
            fputs(prefix, fp);
            text_row(fp, "source", v[k], NULL, q[k], NAN);
        }
    for (size_t i = 0; i < cefo_network_edit_count(net); i++) {
        cefo_edit e;
        cefo_network_edit(net, i, &e);
        char *w = edit_words(&e);
        fputs(prefix, fp);
        if (!w)
            cefo__write_nomem();
        text_row(fp, "source", w ? w : "(out of memory)", NULL, "edit", (double)(i + 1));
        free(w);
    }
    if (cefo_network_name(net)) {
        fputs(prefix, fp);
        text_row(fp, "label", cefo_network_name(net), NULL, "network_name", NAN);
    }
    for (size_t i = 0; i < cefo_network_count(net, CEFO_PROCESS); i++) {
        cefo_process_info p;
        cefo_network_process(net, i, &p);
        const char *lq[] = {"name", "sector", "zone"};
        const char *lv[] = {p.name, p.sector, p.zone};
        for (int k = 0; k < 3; k++)
            if (lv[k]) {
                fputs(prefix, fp);
                text_row(fp, "label", lv[k], p.id, lq[k], NAN);
            }
    }
}

void cefo__json_labels(FILE *fp, const cefo_process_info *p)
{
    const char *q[] = {"name", "sector", "zone"};
    const char *v[] = {p->name, p->sector, p->zone};
    for (int k = 0; k < 3; k++) {
        fprintf(fp, "\"%s\": ", q[k]);
        cefo__json_str_or_null(fp, v[k]);
        fputs(", ", fp);
    }
}

cefo__label_cols cefo__text_label_cols(const cefo_network *net)
{
    cefo__label_cols c = {0, 0, 0};
    for (size_t i = 0; i < cefo_network_count(net, CEFO_PROCESS); i++) {
        cefo_process_info p;
        cefo_network_process(net, i, &p);
        size_t ws = p.sector ? cefo__text_width(p.sector) : 0;
        size_t wz = p.zone ? cefo__text_width(p.zone) : 0;
        c.name |= p.name != NULL;
        c.sector = ws > c.sector ? ws : c.sector;
        c.zone = wz > c.zone ? wz : c.zone;
    }
    /* A column as wide as its heading, when some process has that label. */
    c.sector = c.sector && c.sector < 6 ? 6 : c.sector;
    c.zone = c.zone && c.zone < 4 ? 4 : c.zone;
    return c;
}

/* A cell of width w: s escaped, padded to w; "-" for NULL. */
static void cell(FILE *fp, const char *s, size_t w)
{
    s = s ? s : "-";
    size_t n = cefo__text_width(s);
    fputc(' ', fp);
    cefo__text_str(fp, s);
    fprintf(fp, "%*s", (int)(w > n ? w - n : 0), "");
}

void cefo__text_labels(FILE *fp, const cefo__label_cols *c, const cefo_process_info *p)
{
    if (c->sector)
        cell(fp, p ? p->sector : "sector", c->name || c->zone ? c->sector : 0);
    if (c->zone)
        cell(fp, p ? p->zone : "zone", c->name ? c->zone : 0);
    if (c->name)
        cell(fp, p ? p->name : "name", 0);
}

void cefo__html_source(FILE *fp, const cefo_network *net, int file)
{
    if (!file && !cefo_network_scenario(net) && !cefo_network_edit_count(net))
        return;
    fputs("<p class=\"source\">", fp);
    if (file) {
        fputs("Plan for ", fp);
        cefo__xml_text(fp, cefo_network_file(net));
    }
    scenario_lines(fp, net, cefo__xml_text, file ? "<br>" : "", "<br>");
    fputs("</p>\n", fp);
}
