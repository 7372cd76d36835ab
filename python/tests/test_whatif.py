"""test_whatif.py - in-place edits re-solved from the last basis give the plan a cold solve of
the edited network gives, and the hand optima of the edited goldens."""
import json

import pandas as pd
import pytest

import cefo
from conftest import GOLDEN, close

TABLES = ["processes", "links", "materials", "pollutants", "resources", "groups", "costs",
          "indicators"]


def same_plan(warm, cold):
    assert warm.status == cold.status
    assert close(warm.objective, cold.objective)
    for name in TABLES:
        a, b = getattr(warm, name), getattr(cold, name)
        if isinstance(a, pd.Series):
            pd.testing.assert_series_equal(a, b, rtol=1e-7, atol=1e-7)
        else:
            pd.testing.assert_frame_equal(a, b, rtol=1e-7, atol=1e-7)


CASES = [
    # network, setter, item, value, the same as an XPath edit of the file
    ("pollutant-cap", "set_cap", "CO2", 150, {"//pollutant[@id='CO2']/@cap": "150"}),
    ("pollutant-cap", "set_demand", "widget", 120, {"//demand[@material='widget']/@amount": "120"}),
    ("pollutant-cap", "set_damage_cost", "CO2", 3, {"//pollutant[@id='CO2']/@damage-cost": "3"}),
    ("linked-chain", "set_capacity", "millA", 60, {"//process[@id='millA']/@capacity": "60"}),
    ("linked-chain", "set_demand", "brick", 55, {"//demand[@material='brick']/@amount": "55"}),
    ("breakdown", "set_cap", "COD", 45, {"//pollutant[@id='COD']/@cap": "45"}),
]


@pytest.mark.parametrize("name,setter,item,value,edits", CASES,
                         ids=["%s-%s" % (c[0], c[1]) for c in CASES])
def test_warm_resolve_equals_cold_solve_of_the_edited_network(name, setter, item, value, edits):
    net = cefo.load(GOLDEN / (name + ".xml"))
    with net.problem() as prob:
        prob.solve().close()
        getattr(prob, setter)(item, value)
        with prob.solve() as warm:
            same_plan(warm, cefo.load(GOLDEN / (name + ".xml"), set=edits).solve())


def test_set_cap_hand_optimum():
    """pollutant-cap.expect with the cap at 150: x_d + x_c = 100, 2 x_d + 0.5 x_c = 150 give
    x_d = 200/3, x_c = 100/3; cost 10 x_d + 15 x_c + 1 x 150 = 3950/3."""
    with cefo.load(GOLDEN / "pollutant-cap.xml").problem() as prob:
        assert close(prob.solve().objective, 1375)
        prob.set_cap("CO2", 150)
        res = prob.solve()
        acts = res.processes.set_index("id")["activity"]
        assert close(acts["dirty"], 200 / 3) and close(acts["clean"], 100 / 3)
        assert close(res.objective, 3950 / 3)
        prob.set_cap("CO2", None)       # no cap: all from dirty, 10 x 100 + 200
        assert close(prob.solve().objective, 1200)
        prob.set_demand("widget", 120)  # still no cap: 12 x 120
        assert close(prob.solve().objective, 1440)


def test_set_resource_hand_optimum():
    """resource-quota: the quota (max 90 t of 100) makes 10 t imported at 50; sl-a (cost 10,
    80 t) first, then sl-b (14): 800 + 140 + 500 = 1440. With max 120 both make it all:
    800 + 20 x 14 = 1080. With min 95 and max 95: 800 + 15 x 14 + 5 x 50 = 1260."""
    with cefo.load(GOLDEN / "resource-quota.xml").problem() as prob:
        assert close(prob.solve().objective, 1440)
        prob.set_resource("sl-quota", max=120)
        assert close(prob.solve().objective, 1080)
        prob.set_resource("sl-quota", min=95, max=95)
        res = prob.solve()
        assert close(res.objective, 1260)
        assert close(res.resources.set_index("id").loc["sl-quota", "use"], 95)
        with pytest.raises(cefo.Error):
            prob.set_resource("sl-quota", min=50, max=40)


def test_infeasible_after_an_edit_then_back():
    """linked-chain: mills of 50 + 100 t cannot make 160 t of paper; back to 80 is the hand
    optimum 1428 again."""
    with cefo.load(GOLDEN / "linked-chain.xml").problem() as prob:
        prob.set_demand("paper", 160)
        assert prob.solve().status == "infeasible"
        prob.set_demand("paper", 80)
        assert close(prob.solve().objective, 1428)


def test_source_records_file_scenario_and_edits():
    """A network and its plans say where they came from, as JSON's `source` does; the labels
    of processes and links are columns of their tables."""
    scen = GOLDEN.parent / "scenarios" / "cap-cases.xml"
    net = cefo.load(GOLDEN / "pollutant-cap.xml", scenarios=scen, scenario="no-cap",
                    set={"//demand/@amount": "50"}, scale={"//process/@cost": 2})
    want = {"file": str(GOLDEN / "pollutant-cap.xml"),
            "scenario": {"id": "no-cap", "name": "the CO2 cap lifted", "file": str(scen)},
            "edits": [{"kind": "set", "selector": "//demand/@amount", "value": "50"},
                      {"kind": "scale", "selector": "//process/@cost", "factor": 2.0}]}
    assert net.source == want and net.name is None
    with net.solve() as res:
        assert res.source == want
        assert json.loads(res.to_string("json"))["source"] == want
    plain = cefo.load(GOLDEN / "linked-chain.xml")
    assert plain.source == {"file": str(GOLDEN / "linked-chain.xml"), "scenario": None,
                            "edits": []}
    with plain.solve() as res:
        assert list(res.processes["sector"]) == ["paper", "paper", "building-materials"]
        assert res.links["distance"][0] == 12 and pd.isna(res.links["distance"][1])
