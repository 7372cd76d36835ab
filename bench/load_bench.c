/* load_bench.c - bench/load_bench FILE [dom]: loads a network (streamed, as `cefo` does, or as
 * a document with "dom") and builds its model; prints the load's and the build's wall and CPU
 * seconds and the process's peak memory (bench/run-load). */
#include <cefo/cefo.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "io/loaders.h"

static double clock_s(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: load_bench FILE [dom]\n");
        return 2;
    }
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_error err = {0};
    double w0 = clock_s(CLOCK_MONOTONIC), c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
    cefo_status st = argc > 2 && strcmp(argv[2], "dom") == 0
                         ? cefo__network_load_dom(&net, NULL, 0, argv[1], &err)
                         : cefo_network_load_file(&net, argv[1], &err);
    double w1 = clock_s(CLOCK_MONOTONIC), c1 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
    if (st == CEFO_OK)
        st = cefo_problem_build(&prob, net, &err);
    double w2 = clock_s(CLOCK_MONOTONIC), c2 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
    if (st != CEFO_OK) {
        fprintf(stderr, "%s:%d: %s\n", err.file, err.line, err.message);
        return 1;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%.3f %.3f %.3f %.3f %ld\n", w1 - w0, c1 - c0, w2 - w1, c2 - c1, ru.ru_maxrss);
    cefo_problem_free(prob);
    cefo_network_free(net);
    return 0;
}
