/* runs.c - the base network and each scenario of a scenarios file, solved (whatif, report). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

void cli_runs_free(cli_runs *r)
{
    for (size_t i = 0; i < r->n; i++) {
        cefo_result_free(r->res ? r->res[i] : NULL);
        cefo_problem_free(r->prob ? r->prob[i] : NULL);
        cefo_network_free(r->net ? r->net[i] : NULL);
    }
    free(r->res);
    free(r->prob);
    free(r->net);
    free(r->labels);
    cefo_scenarios_free(r->scenarios);
    *r = (cli_runs){0};
}

cefo_status cli_run_one(const cli_source *src, const char *path, const cefo_scenarios *s,
                        const char *scenario, cefo_network **net, cefo_problem **prob,
                        cefo_result **res, cefo_error *err)
{
    cli_input(path);
    cefo_status st = cli_network_load(path, s, scenario, src->edits, src->nedits, net, err);
    if (st != CEFO_OK)
        cli_hint_selector(src, path, err);
    else
        cli_input_network(*net);
    if (st == CEFO_OK)
        st = cefo_problem_build(prob, *net, err);
    cefo_options opt = cli_options(src);
    if (st == CEFO_OK)
        st = cefo_problem_solve(*prob, &opt, res, err);
    return st;
}

cefo_status cli_runs_check_labels(const cefo_scenarios *s, const char *path, cefo_error *err)
{
    for (size_t i = 0; i < cefo_scenarios_count(s); i++) {
        if (strcmp(cefo_scenarios_id(s, i), CLI_BASE_LABEL) != 0)
            continue;
        *err = (cefo_error){.code = CEFO_ERR_INVALID, .line = cefo_scenarios_line(s, i)};
        snprintf(err->file, sizeof err->file, "%s", path);
        snprintf(err->message, sizeof err->message, "a scenario may not be called '%s': the "
                 "network as it is goes by that name beside the scenarios", CLI_BASE_LABEL);
        return CEFO_ERR_INVALID;
    }
    return CEFO_OK;
}

cefo_status cli_runs_solve(cli_runs *r, const cli_source *src, const char *path,
                           const char *scenarios, cefo_error *err)
{
    *r = (cli_runs){0};
    cli_input(path);
    cli_input(scenarios);
    cefo_status st = scenarios ? cli_scenarios_load(scenarios, &r->scenarios, err) : CEFO_OK;
    if (st == CEFO_OK && scenarios)
        st = cli_runs_check_labels(r->scenarios, scenarios, err);
    if (st != CEFO_OK)
        return st;
    /* --scenario ID (report): the base and that scenario only. */
    size_t only = 0, n = 1 + cefo_scenarios_count(r->scenarios);
    if (src->scenario && !scenarios)
        return cli_arg_error(err, "--scenario needs --scenarios FILE");
    if (src->scenario) {
        st = cli_find_scenario(r->scenarios, scenarios, src->scenario, &only, err);
        if (st != CEFO_OK)
            return st;
        n = 2;
    }
    r->net = calloc(n, sizeof *r->net);
    r->prob = calloc(n, sizeof *r->prob);
    r->res = calloc(n, sizeof *r->res);
    r->labels = calloc(n, sizeof *r->labels);
    if (!r->net || !r->prob || !r->res || !r->labels)
        return cli_arg_error(err, "out of memory");
    r->n = n;
    int tty = isatty(STDERR_FILENO) && n > 1;
    for (size_t i = 0; i < n && st == CEFO_OK; i++) {
        if (tty) /* progress only for a person watching */
            fprintf(stderr, "\rcefo: solving %zu of %zu", i + 1, n);
        /* The base, then each scenario; the command line's edits apply to all of them. */
        r->labels[i] = i ? cefo_scenarios_id(r->scenarios, src->scenario ? only : i - 1)
                         : CLI_BASE_LABEL;
        st = cli_run_one(src, path, i ? r->scenarios : NULL, i ? r->labels[i] : NULL,
                         &r->net[i], &r->prob[i], &r->res[i], err);
    }
    if (tty)
        fputc('\n', stderr);
    return st;
}

void cli_run_name(char *buf, size_t n, const char *path, const cefo_network *net)
{
    const char *id = cefo_network_scenario(net), *name = cefo_network_scenario_name(net);
    path = cli_name(path);
    if (!id)
        snprintf(buf, n, "%s, %s", path, CLI_BASE_LABEL);
    else if (name && strcmp(name, id) != 0)
        snprintf(buf, n, "%s, scenario %s (%s)", path, id, name);
    else
        snprintf(buf, n, "%s, scenario %s", path, id);
}

int cli_runs_explain(const cli_runs *r, const char *path)
{
    int rc = 0;
    for (size_t i = 0; i < r->n; i++) {
        char what[1024];
        if (!r->res[i] || cli_plan_found(cefo_result_status(r->res[i])))
            continue;
        cli_run_name(what, sizeof what, path, r->net[i]);
        rc = cli_why_no_plan(what, r->res[i]);
    }
    return rc;
}
