/* fuzz_iotable.c - libFuzzer target: any bytes through the input-output table loader, and a
 * small valid table through the analysis and the writers. */
#include <cefo/cefo.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cefo_iotable *t = NULL;
    cefo_io_result *r = NULL;
    cefo_error err;
    /* src= names a file: relative to a directory that does not exist, so none is read. */
    if (cefo_iotable_load_memory(&t, (const char *)data, size, "/nonexistent/fuzz.xml", &err))
        return 0;
    cefo_io_options opt;
    cefo_io_options_init(&opt);
    opt.inverse = 1;
    if (cefo_iotable_size(t) <= 64 && cefo_iotable_analyse(t, &opt, &r, &err) == CEFO_OK) {
        FILE *sink = fopen("/dev/null", "w");
        for (int f = CEFO_FORMAT_TEXT; sink && f <= CEFO_FORMAT_CSV; f++)
            cefo_io_result_write(r, sink, (cefo_format)f, &err);
        if (sink)
            fclose(sink);
    }
    cefo_io_result_free(r);
    cefo_iotable_free(t);
    return 0;
}
