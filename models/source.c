/* source.c - where a network came from (its file, the scenario applied and the edits after it:
 * the `source` of a saved plan, docs/results.md), and the labels it carries into results. */
#include <math.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "models/network.h"

void cefo__source_free(cefo_network *net)
{
    for (size_t i = 0; i < net->nedits; i++) {
        cefo__free((char *)net->edits[i].sel);
        cefo__free((char *)net->edits[i].value);
    }
    cefo__free(net->edits);
    cefo__free(net->scenarios_file);
    cefo__free(net->scenario);
    cefo__free(net->scenario_name);
    net->edits = NULL;
    net->nedits = 0;
    net->scenarios_file = net->scenario = net->scenario_name = NULL;
}

/* A copy of s, or NULL for NULL; *bad set when out of memory. */
static char *copy(const char *s, int *bad)
{
    char *c = s ? cefo__strdup(s) : NULL;
    *bad |= s && !c;
    return c;
}

cefo_status cefo__network_set_source(cefo_network *net, const char *scenarios_file,
                                     const char *scenario, const char *scenario_name,
                                     const cefo_edit *edits, size_t nedits, cefo_error *err)
{
    int bad = 0;
    cefo__source_free(net);
    net->scenarios_file = copy(scenarios_file, &bad);
    net->scenario = copy(scenario, &bad);
    net->scenario_name = copy(scenario_name, &bad);
    net->edits = nedits ? cefo__calloc(nedits, sizeof *net->edits) : NULL;
    bad |= nedits && !net->edits;
    for (size_t i = 0; !bad && i < nedits; i++, net->nedits++) {
        net->edits[i] = edits[i];
        net->edits[i].sel = copy(edits[i].sel, &bad);
        net->edits[i].value = copy(edits[i].value, &bad);
    }
    if (!bad)
        return CEFO_OK;
    cefo__source_free(net);
    return cefo__error(err, CEFO_ERR_NOMEM, net->file, 0, NULL, "out of memory");
}

const char *cefo_network_scenario(const cefo_network *net)
{
    return net ? net->scenario : NULL;
}

const char *cefo_network_scenario_name(const cefo_network *net)
{
    return net ? net->scenario_name : NULL;
}

const char *cefo_network_scenarios_file(const cefo_network *net)
{
    return net ? net->scenarios_file : NULL;
}

size_t cefo_network_edit_count(const cefo_network *net)
{
    return net ? net->nedits : 0;
}

cefo_status cefo_network_edit(const cefo_network *net, size_t i, cefo_edit *out)
{
    if (!net || !out || i >= net->nedits)
        return CEFO_ERR_ARG;
    *out = net->edits[i];
    return CEFO_OK;
}

const char *cefo_network_label(const cefo_network *net, cefo_item kind, size_t i,
                               const char *label)
{
    if (!net || !label || i >= cefo_network_count(net, kind))
        return NULL;
    if (kind == CEFO_RESOURCE)
        return strcmp(label, "name") == 0 ? net->resources[i].name : NULL;
    if (kind != CEFO_PROCESS)
        return NULL;
    const cefo__process *p = &net->processes[i];
    return strcmp(label, "name") == 0     ? p->name
           : strcmp(label, "sector") == 0 ? p->sector
           : strcmp(label, "zone") == 0   ? p->zone
                                          : NULL;
}

double cefo_network_link_distance(const cefo_network *net, size_t i)
{
    return net && i < net->nlinks ? net->links[i].distance : NAN;
}
