/* fuzz_stream.c - libFuzzer target: any bytes loaded streamed (the public loader), as a
 * document and by the stream alone must agree: the same error (status, file, line, message),
 * or the same network (model, warnings, steps, lines, registries); the stream alone never takes
 * what the document refuses. Aborts on a disagreement so the fuzzer keeps the input. */
#include <stdint.h>
#include <stdlib.h>

#include "../tests/streamcheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int streamed;
    if (size && !same_both_ways((const char *)data, size, "fuzz.xml", &streamed))
        abort();
    return 0;
}
