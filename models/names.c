/* names.c - readable, unique row and column names for writing a problem out (MPS, LP). */
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/strmap.h"
#include "models/formulate.h"

#define NAME_MAX_LEN 200

/* MPS and CPLEX LP readers accept letters, digits and a few marks: map the rest to '_'. */
static void sanitise(char *s)
{
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')
              || *s == '_' || *s == '.' || *s == '-'))
            *s = '_';
}

static void col_name(const cefo_network *net, const cefo__slot *c, char *b, size_t n)
{
    static const char *const prefix[] = {"x",   "f",   "imp",   "exp",   "dis",  "sale",
                                         "E",   "y",   "yl",    "short", "surplus", "xcap",
                                         "lack", "excess", "lcap", "rover", "runder", "U",
                                         "s",   "sl",  "Utot",  "Etot"};
    const char *p = prefix[c->kind];
    const char *proc = c->proc != CEFO__NONE ? net->processes[c->proc].id : NULL;
    switch (c->kind) {
    case CEFO__VAR_ACTIVITY:
    case CEFO__VAR_BUILD:
    case CEFO__VAR_SWITCH_ON:
    case CEFO__VAR_EXTRA_CAPACITY:
    case CEFO__VAR_LACK: snprintf(b, n, "%s_%s", p, net->processes[c->item].id); break;
    case CEFO__VAR_FLOW:
    case CEFO__VAR_LINK_BUILD:
    case CEFO__VAR_LINK_SWITCH_ON:
    case CEFO__VAR_LINK_EXTRA: {
        const cefo__link *l = &net->links[c->item];
        snprintf(b, n, "%s_%s_%s_%s", p, net->processes[l->from].id, net->processes[l->to].id,
                 net->materials[l->material].id);
        break;
    }
    case CEFO__VAR_EMISSION:
    case CEFO__VAR_EMISSION_TOTAL:
    case CEFO__VAR_EXCESS: snprintf(b, n, "%s_%s", p, net->pollutants[c->item].id); break;
    case CEFO__VAR_USE:
    case CEFO__VAR_TOTAL:
    case CEFO__VAR_RES_OVER:
    case CEFO__VAR_RES_UNDER: snprintf(b, n, "%s_%s", p, net->resources[c->item].id); break;
    default:
        snprintf(b, n, "%s_%s%s%s", p, net->materials[c->item].id, proc ? "_" : "",
                 proc ? proc : "");
    }
}

static void row_name(const cefo_network *net, const cefo__slot *r, char *b, size_t n)
{
    const char *proc = r->proc != CEFO__NONE ? net->processes[r->proc].id : "";
    switch ((cefo__row_kind)r->kind) {
    case CEFO__ROW_BALANCE: snprintf(b, n, "bal_%s", net->materials[r->item].id); break;
    case CEFO__ROW_CONSUMER: snprintf(b, n, "use_%s_%s", net->materials[r->item].id, proc); break;
    case CEFO__ROW_PRODUCER: snprintf(b, n, "make_%s_%s", net->materials[r->item].id, proc); break;
    case CEFO__ROW_MARKET: snprintf(b, n, "mkt_%s", net->materials[r->item].id); break;
    case CEFO__ROW_IMPORT_LIMIT: snprintf(b, n, "implim_%s", net->materials[r->item].id); break;
    case CEFO__ROW_EMISSION: snprintf(b, n, "em_%s", net->pollutants[r->item].id); break;
    case CEFO__ROW_GROUP: snprintf(b, n, "grp_%s", net->groups[r->item]); break;
    case CEFO__ROW_RESOURCE: snprintf(b, n, "res_%s", net->resources[r->item].id); break;
    case CEFO__ROW_BUILT: snprintf(b, n, "built_%s", net->processes[r->item].id); break;
    case CEFO__ROW_ORDER: snprintf(b, n, "order_%s_%zu", net->groups[r->item], r->proc); break;
    case CEFO__ROW_TOTAL: snprintf(b, n, "total_%s", net->resources[r->item].id); break;
    case CEFO__ROW_EMISSION_TOTAL: snprintf(b, n, "emtot_%s", net->pollutants[r->item].id); break;
    default: snprintf(b, n, "r"); break; /* switch and elastic rows: made unique below */
    }
}

/* With periods, every name ends in ".PERIOD". */
static void in_period(const cefo_network *net, const cefo__slot *s, char *b, size_t n)
{
    size_t len = strlen(b);
    if (net->nperiods && len < n)
        snprintf(b + len, n - len, ".%s", net->periods[s->period].id);
}

/* Appends "_N" until the name is unused. Returns 0, or -1 when out of memory. */
static int unique(cefo__strmap *seen, char *b, size_t n, int index, char **out)
{
    size_t len = strlen(b);
    for (int k = 0;; k++) {
        if (k)
            snprintf(b + len, n - len, "_%d", k == 1 ? index : index * 7 + k);
        size_t dummy;
        if (!cefo__strmap_get(seen, b, &dummy))
            break;
    }
    *out = cefo__strdup(b);
    return *out && cefo__strmap_put(seen, *out, (size_t)index) >= 0 ? 0 : -1;
}

int cefo__formulation_names(const cefo_network *net, const cefo__formulation *f, char ***cols,
                            char ***rows)
{
    cefo__strmap seen = {0};
    char b[NAME_MAX_LEN + 32];
    int bad = 0;
    *cols = cefo__calloc((size_t)f->ncols, sizeof **cols);
    *rows = cefo__calloc((size_t)f->nrows, sizeof **rows);
    bad = !*cols || !*rows;
    for (int j = 0; !bad && j < f->ncols; j++) {
        col_name(net, &f->cols[j], b, NAME_MAX_LEN);
        in_period(net, &f->cols[j], b, NAME_MAX_LEN);
        sanitise(b);
        bad = unique(&seen, b, sizeof b, j, &(*cols)[j]) != 0;
    }
    for (int i = 0; !bad && i < f->nrows; i++) {
        row_name(net, &f->rows[i], b, NAME_MAX_LEN);
        in_period(net, &f->rows[i], b, NAME_MAX_LEN);
        sanitise(b);
        bad = unique(&seen, b, sizeof b, i, &(*rows)[i]) != 0;
    }
    cefo__strmap_free(&seen);
    return bad ? -1 : 0;
}

void cefo__names_free(char **names, int n)
{
    for (int i = 0; names && i < n; i++)
        cefo__free(names[i]);
    cefo__free(names);
}
