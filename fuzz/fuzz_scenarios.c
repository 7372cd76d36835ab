/* fuzz_scenarios.c - libFuzzer target: any bytes through the scenarios loader, and every
 * scenario applied to a small network (edits, XPath, the check of the edited network). */
#include <cefo/cefo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char network[] =
    "<network version=\"1\"><material id=\"widget\" unit=\"t\" import-cost=\"30\"/>"
    "<pollutant id=\"CO2\" unit=\"t\" damage-cost=\"1\" cap=\"125\"/>"
    "<process id=\"dirty\" cost=\"10\" capacity=\"80\"><output material=\"widget\" amount=\"1\"/>"
    "<emission pollutant=\"CO2\" amount=\"2\"/></process>"
    "<process id=\"clean\" cost=\"15\"><output material=\"widget\" amount=\"1\"/>"
    "<emission pollutant=\"CO2\" amount=\"0.5\"/></process>"
    "<demand material=\"widget\" amount=\"100\"/></network>";

static char path[64];

static void write_network(void)
{
    snprintf(path, sizeof path, "/tmp/cefo-fuzz-%ld.xml", (long)getpid());
    FILE *fp = fopen(path, "w");
    if (fp) {
        fputs(network, fp);
        fclose(fp);
    }
}

static void remove_network(void)
{
    unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path[0]) {
        write_network();
        atexit(remove_network);
    }
    cefo_scenarios *s = NULL;
    cefo_error err;
    if (cefo_scenarios_load_memory(&s, (const char *)data, size, "fuzz.xml", &err) != CEFO_OK)
        return 0;
    for (size_t i = 0; i < cefo_scenarios_count(s) && i < 8; i++) {
        cefo_network *net = NULL;
        if (cefo_network_load_edited(&net, path, s, cefo_scenarios_id(s, i), NULL, 0, &err)
            == CEFO_OK)
            cefo_network_free(net);
    }
    cefo_scenarios_free(s);
    return 0;
}
