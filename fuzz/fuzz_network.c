/* fuzz_network.c - libFuzzer target: any bytes through the network loader, and a small valid
 * network through build, solve and every writer. */
#include <cefo/cefo.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    cefo_error err;
    if (cefo_network_load_memory(&net, (const char *)data, size, "fuzz.xml", &err) != CEFO_OK)
        return 0;
    cefo_options opt;
    cefo_options_init(&opt);
    opt.iteration_limit = 2000;
    opt.time_limit = 1;
    if (cefo_network_count(net, CEFO_PROCESS) <= 64 && cefo_problem_build(&prob, net, &err) == 0
        && cefo_problem_solve(prob, &opt, &res, &err) == CEFO_OK) {
        FILE *sink = fopen("/dev/null", "w");
        for (int f = CEFO_FORMAT_TEXT; sink && f <= CEFO_FORMAT_CSV; f++)
            cefo_result_write(res, sink, (cefo_format)f, &err);
        if (sink)
            fclose(sink);
    }
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
    return 0;
}
