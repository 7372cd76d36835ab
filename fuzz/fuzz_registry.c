/* fuzz_registry.c - libFuzzer target: any bytes as the CSV registry of a network's processes. */
#include <cefo/cefo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64], xml_name[96], csv_path[96];

static void cleanup(void)
{
    remove(csv_path);
    rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char xml[] = "<network version=\"1\"><pollutant id=\"COD\" unit=\"t\"/>"
                              "<material id=\"m\" unit=\"t\" export-price=\"0\"/>"
                              "<resource id=\"r\" unit=\"t\"/><processes src=\"firms.csv\"/>"
                              "</network>";
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/cefo-fuzz-registry-XXXXXX");
        if (!mkdtemp(dir)) abort();
        snprintf(xml_name, sizeof xml_name, "%s/n.xml", dir);
        snprintf(csv_path, sizeof csv_path, "%s/firms.csv", dir);
        atexit(cleanup);
    }
    FILE *fp = fopen(csv_path, "wb");
    if (!fp) abort();
    fwrite(data, 1, size, fp);
    fclose(fp);
    cefo_network *net = NULL;
    cefo_error err;
    cefo_network_load_memory(&net, xml, strlen(xml), xml_name, &err);
    cefo_network_free(net);
    return 0;
}
