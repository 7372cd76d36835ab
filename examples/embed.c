/* embed.c - how a host program embeds libcefo: load, build, solve, read, change, re-solve. */
#include <cefo/cefo.h>
#include <math.h>
#include <stdio.h>

static int report(const cefo_error *err, cefo_status st)
{
    fprintf(stderr, "%s:%d: %s (%s)\n", err->file, err->line, err->message, cefo_strerror(st));
    return 2;
}

static void print_emissions(const cefo_result *res)
{
    for (size_t i = 0; i < cefo_result_count(res, CEFO_POLLUTANT); i++) {
        cefo_pollutant_result k;
        cefo_result_pollutant(res, i, &k);
        printf("  %-14s %12.2f %-4s", k.id, k.emission, k.unit);
        if (isinf(k.cap))
            printf("  no cap\n");
        else
            printf("  cap %.2f, shadow price %.4f\n", k.cap, k.shadow_price);
    }
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "examples/zhenan-cluster.xml";
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *base = NULL, *what_if = NULL;
    cefo_error err = {0};
    int rc = 1;

    /* load -> build -> solve: each step returns a status and fills err on failure. */
    cefo_status st = cefo_network_load_file(&net, path, &err);
    if (st == CEFO_OK)
        st = cefo_problem_build(&prob, net, &err);
    if (st == CEFO_OK)
        st = cefo_problem_solve(prob, NULL, &base, &err);
    if (st != CEFO_OK) {
        rc = report(&err, st);
        goto done;
    }
    printf("base plan: %s, total cost %.2f\n", cefo_solve_status_name(cefo_result_status(base)),
           cefo_result_objective(base));
    print_emissions(base);

    /* What if the first pollutant's damage cost doubles? Update in place and re-optimise
     * from the last basis instead of rebuilding. */
    if (cefo_result_count(base, CEFO_POLLUTANT) > 0) {
        cefo_pollutant_result k;
        cefo_result_pollutant(base, 0, &k);
        st = cefo_problem_set_damage_cost(prob, 0, 2 * k.damage_cost);
        if (st == CEFO_OK)
            st = cefo_problem_solve(prob, NULL, &what_if, &err);
        if (st != CEFO_OK) {
            rc = report(&err, st);
            goto done;
        }
        printf("%s damage cost doubled: total cost %.2f (%+.2f)\n", k.id,
               cefo_result_objective(what_if),
               cefo_result_objective(what_if) - cefo_result_objective(base));
        print_emissions(what_if);
    }
    rc = cefo_result_status(base) == CEFO_SOLVE_OPTIMAL ? 0 : 1;
done:
    cefo_result_free(what_if);
    cefo_result_free(base);
    cefo_problem_free(prob);
    cefo_network_free(net);
    return rc;
}
