/* shadow_write.c - shadow prices in words for people: what one more unit of each binding
 * constraint costs or saves, in the network's currency per the constraint's unit. */
#include <math.h>
#include <stdio.h>

#include "io/fmt.h"
#include "models/result.h"

/* A shadow price this small is LP round-off, not a price. */
static int priced(double v)
{
    return isfinite(v) && fabs(v) > 1e-9;
}

/* "costs 16.03 kCNY" or "saves 39.97 kCNY", then "(16.03 kCNY/t)". */
static void effect(FILE *fp, double v, const char *cur, const char *unit)
{
    char b[32], b2[32];
    fprintf(fp, " %s %s ", v > 0 ? "costs" : "saves", cefo__fmt_human(b, fabs(v)));
    cefo__text_str(fp, cur);
    fprintf(fp, " (%s ", cefo__fmt_human(b2, v));
    cefo__text_str(fp, cur);
    fputc('/', fp);
    cefo__text_str(fp, unit);
    fputs(")\n", fp);
}

static void materials(FILE *fp, const cefo_result *r, const char *cur)
{
    const cefo_network *net = r->net;
    for (size_t m = 0; m < net->nmaterials; m++) {
        const cefo__material *mat = &net->materials[m];
        if (!priced(r->shadow[m]))
            continue;
        fputs("  one more ", fp);
        cefo__text_str(fp, mat->unit);
        fputs(" of ", fp);
        cefo__text_str(fp, mat->id);
        fputs(" demand", fp);
        effect(fp, r->shadow[m], cur, mat->unit);
    }
}

static void caps(FILE *fp, const cefo_result *r, const char *cur)
{
    const cefo_network *net = r->net;
    for (size_t k = 0; k < net->npollutants; k++) {
        const cefo__pollutant *pl = &net->pollutants[k];
        if (!priced(r->cap_shadow[k]))
            continue;
        fputs("  one more ", fp);
        cefo__text_str(fp, pl->unit);
        fputs(" of ", fp);
        cefo__text_str(fp, pl->id);
        fputs(" allowed under its cap", fp);
        effect(fp, r->cap_shadow[k], cur, pl->unit);
    }
}

static void capacities(FILE *fp, const cefo_result *r, const char *cur)
{
    const cefo_network *net = r->net;
    for (size_t p = 0; p < net->nprocesses; p++) {
        if (!priced(r->capacity_shadow[p]))
            continue;
        fputs("  one more unit of capacity of ", fp);
        cefo__text_str(fp, net->processes[p].id);
        effect(fp, r->capacity_shadow[p], cur, "unit of activity");
    }
}

static void resources(FILE *fp, const cefo_result *r, const char *cur)
{
    const cefo_network *net = r->net;
    for (size_t i = 0; i < net->nresources; i++) {
        const cefo__resource *res = &net->resources[i];
        double v = r->res_shadow[i];
        if (!priced(v))
            continue;
        /* <= 0: the max binds (raising it saves); >= 0: the min binds (raising it costs). */
        fprintf(fp, "  one more ");
        cefo__text_str(fp, res->unit);
        fprintf(fp, " on the %s of ", v < 0 ? "maximum" : "minimum");
        cefo__text_str(fp, res->id);
        effect(fp, v, cur, res->unit);
    }
}

void cefo__text_shadow_words(FILE *fp, const cefo_result *r)
{
    const char *cur = r->net->currency ? r->net->currency : "currency units";
    int any = 0;
    for (size_t m = 0; m < r->net->nmaterials && !any; m++)
        any = priced(r->shadow[m]);
    for (size_t k = 0; k < r->net->npollutants && !any; k++)
        any = priced(r->cap_shadow[k]);
    for (size_t p = 0; p < r->net->nprocesses && !any; p++)
        any = priced(r->capacity_shadow[p]);
    for (size_t i = 0; i < r->net->nresources && !any; i++)
        any = priced(r->res_shadow[i]);
    if (!any)
        return;
    fputs("\nShadow prices in words (what one more unit of each binding constraint does to the "
          "total cost)\n", fp);
    materials(fp, r, cur);
    caps(fp, r, cur);
    capacities(fp, r, cur);
    resources(fp, r, cur);
}
