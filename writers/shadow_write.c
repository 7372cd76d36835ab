/* shadow_write.c - shadow prices in words for people: what one more unit of each binding
 * constraint costs or saves, in the network's currency per the constraint's unit. */
#include <math.h>
#include <stdio.h>

#include "writers/fmt.h"
#include "writers/report.h"

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
 * maximum, raising it saves; >= 0 the minimum, raising it costs). With fp NULL, says nothing
 * and returns whether there is anything to say (at the first price found). */
static int say_all(FILE *fp, const cefo_result *r, const char *cur)
{
    int any = 0;
    for (size_t m = 0; m < cefo_result_count(r, CEFO_MATERIAL) && (fp || !any); m++) {
        cefo_material_result row;
        cefo_result_material(r, m, &row);
        if (!priced(row.shadow_price))
            continue;
        any = 1;
        if (fp)
            say(fp, row.unit, " of ", row.id, " demand", row.shadow_price, cur, row.unit);
    }
    for (size_t k = 0; k < cefo_result_count(r, CEFO_POLLUTANT) && (fp || !any); k++) {
        cefo_pollutant_result row;
        cefo_result_pollutant(r, k, &row);
        if (!priced(row.shadow_price))
            continue;
        any = 1;
        if (fp)
            say(fp, row.unit, " of ", row.id, " allowed under its cap", row.shadow_price, cur,
                row.unit);
    }
    for (size_t p = 0; p < cefo_result_count(r, CEFO_PROCESS) && (fp || !any); p++) {
        cefo_process_result row;
        cefo_result_process(r, p, &row);
        if (!priced(row.capacity_shadow_price))
            continue;
        any = 1;
        if (fp)
            say(fp, "unit", " of capacity of ", row.id, "", row.capacity_shadow_price, cur,
                "unit of activity");
    }
    for (size_t i = 0; i < cefo_result_count(r, CEFO_RESOURCE) && (fp || !any); i++) {
        cefo_resource_result row;
        cefo_result_resource(r, i, &row);
        double v = row.shadow_price;
        if (!priced(v))
            continue;
        any = 1;
        if (fp)
            say(fp, row.unit, v < 0 ? " on the maximum of " : " on the minimum of ", row.id, "",
                v, cur, row.unit);
    }
    return any;
}

void cefo__text_shadow_words(FILE *fp, const cefo_result *r)
{
    const char *cur = cefo__currency(cefo_result_network(r));
    if (!say_all(NULL, r, cur))
        return;
    fputs("\nShadow prices in words (what one more unit of each binding constraint does to the "
          "total cost)\n", fp);
    say_all(fp, r, cur);
}
