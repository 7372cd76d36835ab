/* shadow_write.c - shadow prices in words for people: what one more unit of each binding
 * constraint costs or saves, in the network's currency per the constraint's unit. */
#include <math.h>
#include <stdio.h>

#include "writers/fmt.h"
#include "models/result.h"

/* A shadow price this small is LP round-off, not a price. */
static int priced(double v)
{
    return isfinite(v) && fabs(v) > 1e-9;
}

/* "  one more UNIT BEFORE ID AFTER costs 16.03 kCNY (16.03 kCNY/PER)"; "saves" when v < 0. */
static void say(FILE *fp, const char *unit, const char *before, const char *id,
                const char *after, double v, const char *cur, const char *per)
{
    char b[32], b2[32];
    fputs("  one more ", fp);
    cefo__text_str(fp, unit);
    fputs(before, fp);
    cefo__text_str(fp, id);
    fprintf(fp, "%s %s %s ", after, v > 0 ? "costs" : "saves", cefo__fmt_human(b, fabs(v)));
    cefo__text_str(fp, cur);
    fprintf(fp, " (%s ", cefo__fmt_human(b2, v));
    cefo__text_str(fp, cur);
    fputc('/', fp);
    cefo__text_str(fp, per);
    fputs(")\n", fp);
}

/* Materials (one more unit of demand), caps (one more unit allowed), capacities (one more
 * unit of activity allowed), resources (one more unit on the bound that binds: <= 0 the
 * maximum, raising it saves; >= 0 the minimum, raising it costs). */
static void say_all(FILE *fp, const cefo_result *r, const char *cur)
{
    const cefo_network *net = r->net;
    for (size_t m = 0; m < net->nmaterials; m++)
        if (priced(r->shadow[m]))
            say(fp, net->materials[m].unit, " of ", net->materials[m].id, " demand",
                r->shadow[m], cur, net->materials[m].unit);
    for (size_t k = 0; k < net->npollutants; k++)
        if (priced(r->cap_shadow[k]))
            say(fp, net->pollutants[k].unit, " of ", net->pollutants[k].id,
                " allowed under its cap", r->cap_shadow[k], cur, net->pollutants[k].unit);
    for (size_t p = 0; p < net->nprocesses; p++)
        if (priced(r->capacity_shadow[p]))
            say(fp, "unit", " of capacity of ", net->processes[p].id, "", r->capacity_shadow[p],
                cur, "unit of activity");
    for (size_t i = 0; i < net->nresources; i++) {
        double v = r->res_shadow[i];
        if (priced(v))
            say(fp, net->resources[i].unit, v < 0 ? " on the maximum of " : " on the minimum of ",
                net->resources[i].id, "", v, cur, net->resources[i].unit);
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
    say_all(fp, r, cur);
}
