/* test_netinfo.c - the network as written, read through the public API (what writers use). */
#include "testutil.h"

/* Every value below is read off this text by hand. */
static const char *const xml =
    "<network version='1' name='Tiny &amp; cluster' currency='kCNY'>\n"
    "  <pollutant id='COD' unit='t' damage-cost='2'/>\n"
    "  <material id='ore' unit='t' kind='resource' import-cost='3' import-limit='50'/>\n"
    "  <material id='steel' unit='t' export-price='9'/>\n"
    "  <material id='slag' unit='kg' kind='waste' discharge-cost='0.5'>\n"
    "    <emission pollutant='COD' amount='0.25'/>\n"
    "  </material>\n"
    "  <material id='heat' unit='GJ'/>\n"
    "  <process id='mill' name='Rolling mill' sector='steel' zone='north' capacity='40'\n"
    "           cost='4' labour='0.5'>\n"
    "    <input material='ore' amount='1.5'/>\n"
    "    <output material='steel' amount='1'/><output material='slag' amount='200'/>\n"
    "    <output material='heat' amount='2'/>\n"
    "    <emission pollutant='COD' amount='0.01'/>\n"
    "  </process>\n"
    "  <process id='boiler' kind='treatment' optional='true' fixed-cost='10' min='1'\n"
    "           capacity='30'>\n"
    "    <input material='heat' amount='1'/><input material='slag' amount='100'/>\n"
    "    <output material='steel' amount='0.1'/>\n"
    "  </process>\n"
    "  <link from='mill' to='boiler' material='heat' distance='3.5' capacity='60'/>\n"
    "  <demand material='steel' amount='10'/><demand material='steel' amount='2'/>\n"
    "</network>\n";

static void test_network_as_written(void)
{
    cefo_network *net = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_memory(&net, xml, strlen(xml), "tiny.xml", &err),
                          CEFO_OK);
    CU_ASSERT_STRING_EQUAL(cefo_network_name(net), "Tiny & cluster");
    CU_ASSERT_STRING_EQUAL(cefo_network_currency(net), "kCNY");
    CU_ASSERT_STRING_EQUAL(cefo_network_file(net), "tiny.xml");
    CU_ASSERT_PTR_NULL(cefo_network_name(NULL));

    cefo_process_info p;
    CU_ASSERT_EQUAL_FATAL(cefo_network_process(net, 0, &p), CEFO_OK);
    CU_ASSERT_STRING_EQUAL(p.id, "mill");
    CU_ASSERT_STRING_EQUAL(p.kind, "production");
    CU_ASSERT_STRING_EQUAL(p.name, "Rolling mill");
    CU_ASSERT_STRING_EQUAL(p.sector, "steel");
    CU_ASSERT_STRING_EQUAL(p.zone, "north");
    CU_ASSERT_PTR_NULL(p.group);
    CU_ASSERT_EQUAL(p.capacity, 40);
    CU_ASSERT_EQUAL(p.cost, 4);
    CU_ASSERT_EQUAL(p.labour, 0.5);
    CU_ASSERT_EQUAL(p.optional, 0);
    CU_ASSERT_EQUAL_FATAL(cefo_network_process(net, 1, &p), CEFO_OK);
    CU_ASSERT_STRING_EQUAL(p.kind, "treatment");
    CU_ASSERT_PTR_NULL(p.name);
    CU_ASSERT_EQUAL(p.capacity, 30);
    CU_ASSERT_EQUAL(p.min, 1);
    CU_ASSERT_EQUAL(p.fixed_cost, 10);
    CU_ASSERT_EQUAL(p.optional, 1);
    CU_ASSERT_EQUAL(cefo_network_process(net, 2, &p), CEFO_ERR_ARG);

    /* mill: 1 input, 3 outputs, 1 emission; slag: 1 emission per unit discharged */
    CU_ASSERT_EQUAL(cefo_network_term_count(net, CEFO_PROCESS, 0, CEFO_INPUT), 1);
    CU_ASSERT_EQUAL(cefo_network_term_count(net, CEFO_PROCESS, 0, CEFO_OUTPUT), 3);
    CU_ASSERT_EQUAL(cefo_network_term_count(net, CEFO_PROCESS, 0, CEFO_EMISSION), 1);
    CU_ASSERT_EQUAL(cefo_network_term_count(net, CEFO_MATERIAL, 2, CEFO_EMISSION), 1);
    CU_ASSERT_EQUAL(cefo_network_term_count(net, CEFO_MATERIAL, 2, CEFO_INPUT), 0);
    CU_ASSERT_EQUAL(cefo_network_term_count(net, CEFO_PROCESS, 9, CEFO_INPUT), 0);
    cefo_term_info t;
    CU_ASSERT_EQUAL(cefo_network_term(net, CEFO_PROCESS, 0, CEFO_OUTPUT, 1, &t), CEFO_OK);
    CU_ASSERT_STRING_EQUAL(t.id, "slag");
    CU_ASSERT_EQUAL(t.item, 2);
    CU_ASSERT_EQUAL(t.amount, 200);
    CU_ASSERT_EQUAL(cefo_network_term(net, CEFO_PROCESS, 0, CEFO_INPUT, 0, &t), CEFO_OK);
    CU_ASSERT_STRING_EQUAL(t.id, "ore");
    CU_ASSERT_EQUAL(t.amount, 1.5);
    CU_ASSERT_EQUAL(cefo_network_term(net, CEFO_PROCESS, 0, CEFO_EMISSION, 0, &t), CEFO_OK);
    CU_ASSERT_STRING_EQUAL(t.id, "COD");
    CU_ASSERT_EQUAL(t.item, 0);
    CU_ASSERT_EQUAL(cefo_network_term(net, CEFO_MATERIAL, 2, CEFO_EMISSION, 0, &t), CEFO_OK);
    CU_ASSERT_EQUAL(t.amount, 0.25);
    CU_ASSERT_EQUAL(cefo_network_term(net, CEFO_PROCESS, 0, CEFO_INPUT, 1, &t), CEFO_ERR_ARG);

    cefo_material_info m;
    CU_ASSERT_EQUAL_FATAL(cefo_network_material(net, 0, &m), CEFO_OK);
    CU_ASSERT_STRING_EQUAL(m.kind, "resource");
    CU_ASSERT_EQUAL(m.import_cost, 3);
    CU_ASSERT_EQUAL(m.import_limit, 50);
    CU_ASSERT(isnan(m.export_price));
    CU_ASSERT_EQUAL(m.linked, 0);
    CU_ASSERT_EQUAL_FATAL(cefo_network_material(net, 1, &m), CEFO_OK);
    CU_ASSERT_EQUAL(m.demand, 12);
    CU_ASSERT_EQUAL(m.export_price, 9);
    CU_ASSERT_EQUAL_FATAL(cefo_network_material(net, 2, &m), CEFO_OK);
    CU_ASSERT_STRING_EQUAL(m.unit, "kg");
    CU_ASSERT_EQUAL(m.discharge_cost, 0.5);
    CU_ASSERT_EQUAL_FATAL(cefo_network_material(net, 3, &m), CEFO_OK);
    CU_ASSERT_EQUAL(m.linked, 1);

    /* steel is made by both (mill, boiler); ore used by mill only; each once */
    size_t n = 99;
    const size_t *users = cefo_network_material_users(net, 1, &n);
    CU_ASSERT_EQUAL_FATAL(n, 2);
    CU_ASSERT(users[0] == 0 && users[1] == 1);
    users = cefo_network_material_users(net, 0, &n);
    CU_ASSERT(n == 1 && users[0] == 0);
    CU_ASSERT_PTR_NULL(cefo_network_material_users(net, 4, &n));
    CU_ASSERT_EQUAL(n, 0);

    cefo_link_info l;
    CU_ASSERT_EQUAL_FATAL(cefo_network_link(net, 0, &l), CEFO_OK);
    CU_ASSERT(l.from == 0 && l.to == 1 && l.material == 3);
    CU_ASSERT_EQUAL(l.distance, 3.5);
    CU_ASSERT_EQUAL(l.capacity, 60);
    CU_ASSERT_EQUAL(l.optional, 0);
    CU_ASSERT_EQUAL(cefo_network_link(net, 1, &l), CEFO_ERR_ARG);

    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(prob, test_options(), &res, NULL), CEFO_OK);
    CU_ASSERT_PTR_EQUAL(cefo_result_network(res), net);
    CU_ASSERT_PTR_NULL(cefo_result_network(NULL));
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

static CU_TestInfo netinfo_tests[] = {
    {"processes, terms, materials, users and links as written", test_network_as_written},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("netinfo", netinfo_tests)
