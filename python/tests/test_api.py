"""test_api.py - loading, errors with their file and line, tables with the JSON contract's
columns, and the lifetimes of the C objects behind the Python ones."""
import gc
import json
import math
import threading

import pandas as pd
import pytest

import cefo
from conftest import GOLDEN, SOURCE, close

BAD_LINK = """<?xml version="1.0"?>
<network version="1">
  <material id="w" unit="t"/>
  <process id="p"><output material="nope" amount="1"/></process>
</network>
"""


def test_error_names_file_and_line(tmp_path):
    path = tmp_path / "bad.xml"
    path.write_text(BAD_LINK)
    with pytest.raises(cefo.Error) as caught:
        cefo.load(path)
    e = caught.value
    assert (e.file, e.line, e.status) == (str(path), 4, "invalid model")
    assert "nope" in e.message
    assert str(e) == "%s:4: %s" % (path, e.message)


def test_error_in_xml_text_names_the_given_name():
    with pytest.raises(cefo.Error) as caught:
        cefo.load(BAD_LINK, name="inline.xml")
    assert (caught.value.file, caught.value.line) == ("inline.xml", 4)


def test_xml_text_with_a_byte_order_mark_is_text_not_a_path():
    xml = (GOLDEN / "pollutant-cap.xml").read_text()
    assert close(cefo.load("\ufeff" + xml).solve().objective, 1375)


def test_malformed_xml_is_a_parse_error_at_its_line():
    with pytest.raises(cefo.Error) as caught:
        cefo.load('<network version="1">\n<material id="w" unit="t">\n</network>\n')
    assert caught.value.code == 5 and caught.value.line == 3      # CEFO_ERR_PARSE


def test_missing_file(tmp_path):
    with pytest.raises(cefo.Error) as caught:
        cefo.load(tmp_path / "absent.xml")
    assert caught.value.code == 3       # CEFO_ERR_NOFILE
    assert caught.value.file == str(tmp_path / "absent.xml")


def test_bad_edit_names_the_edit():
    with pytest.raises(cefo.Error) as caught:
        cefo.load(GOLDEN / "pollutant-cap.xml", set={"//pollutant[@id='C02']/@cap": "1"})
    assert "matches nothing" in caught.value.message or "edit" in str(caught.value)


def test_bad_values_and_names_raise_and_leave_the_problem_as_it_was():
    net = cefo.load(GOLDEN / "pollutant-cap.xml")
    with net.problem() as prob:
        with pytest.raises(cefo.Error) as caught:
            prob.set_cap("CO2", -1)
        assert caught.value.element == "CO2" and caught.value.line == 5  # its <pollutant>
        with pytest.raises(cefo.Error):
            prob.set_cap("SO2", 1)
        with pytest.raises(cefo.Error):
            prob.set_capacity(7, 1)
        with pytest.raises(cefo.Error):
            prob.update("pollutant", "CO2", "colour", 1)
        with pytest.raises(cefo.Error):
            prob.solve(solver="cplex")
        assert close(prob.solve().objective, 1375)    # the hand optimum, cap unchanged


def test_closed_handles_raise_instead_of_crashing():
    net = cefo.load(GOLDEN / "pollutant-cap.xml")
    prob = net.problem()
    res = prob.solve()
    prob.close()
    prob.close()
    with pytest.raises(cefo.Error):
        prob.solve()
    with pytest.raises(cefo.Error):
        prob.set_cap("CO2", 1)
    net.close()
    with pytest.raises(cefo.Error):
        net.solve()
    # The result still reads: it holds the network's C object until it is closed.
    assert list(res.processes["id"]) == ["dirty", "clean"]
    res.close()
    with pytest.raises(cefo.Error):
        res.materials
    assert list(res.processes["id"]) == ["dirty", "clean"]   # read before close: kept


def test_network_outlives_its_python_owner():
    """Results taken from a network stay valid after the Network object is gone."""
    res = cefo.load(GOLDEN / "pollutant-cap.xml").solve()
    gc.collect()
    assert list(res.pollutants["id"]) == ["CO2"] and res.materials["unit"][0] == "t"


def test_tables_have_the_json_contract_columns():
    """Every key of the JSON writer's objects is a column (or index entry) of its table."""
    with cefo.load(GOLDEN / "breakdown.xml").solve() as res:
        doc = json.loads(res.to_string("json"))
        tables = {"processes": res.processes, "links": res.links,
                  "materials": res.materials, "pollutants": res.pollutants,
                  "resources": res.resources, "groups": res.groups}
        for key, frame in tables.items():
            for row in doc[key]:
                missing = set(row) - set(frame.columns) - {"emissions"}
                assert not missing, (key, missing)
            assert len(frame) == len(doc[key])
        assert set(doc["costs"]) == set(res.costs.index)
        assert set(doc["indicators"]) >= set(res.indicators.index.get_level_values(0))
        for (key, unit), value in res.indicators.items():
            got = doc["indicators"][key] if unit == "" else doc["indicators"][key][unit]
            assert (got is None and math.isnan(value)) or close(got, value), (key, unit)
        assert doc["status"] == res.status and doc["objective"] == res.objective
        for row in doc["processes"]:
            for pollutant, amount in row["emissions"].items():
                assert close(res.emissions.loc[row["id"], pollutant], amount)
        for row, (_, group) in zip(doc["groups"], res.groups.iterrows()):
            assert (row["chosen"], row["variant"]) == (group["chosen"], group["variant"])
        sector = res.sectors.set_index("id").loc["tanning"]
        assert sector["groups:relocate"] == 1 and sector["emission:COD"] == 5


def test_decisions_read_as_booleans_and_missing():
    with cefo.load(GOLDEN / "breakdown.xml").solve() as res:
        chosen = res.processes.set_index("id")["chosen"]
        assert str(chosen.dtype) == "boolean"
        assert bool(chosen["f1-relocate"]) and not bool(chosen["f1-keep"])
    with cefo.load(GOLDEN / "pollutant-cap.xml").solve() as res:
        assert res.processes["chosen"].isna().all()         # no decisions in an LP
        assert pd.isna(res.gap)


def test_infeasible_is_a_result_with_its_diagnosis():
    with cefo.load(GOLDEN / "infeasible.xml").solve() as res:
        assert res.status == "infeasible" and pd.isna(res.objective)
        assert len(res.diagnosis) > 0
        assert set(res.diagnosis.columns) == {"kind", "id", "amount", "unit", "message"}


def test_writers_and_options(tmp_path):
    net = cefo.load(GOLDEN / "pollutant-cap.xml")
    res = net.solve(time_limit=30, gap=0, method="primal", presolve=False)
    assert res.to_string("text").startswith(res.to_string("text")[:10])
    assert res.to_string("csv").splitlines()[0] == \
        "section,id,from,to,material,quantity,value,unit"
    res.write(tmp_path / "plan.json")
    assert json.loads((tmp_path / "plan.json").read_text())["status"] == "optimal"
    with net.problem() as prob:
        prob.write(tmp_path / "model.lp", format="lp")
    assert "em_CO2" in (tmp_path / "model.lp").read_text()
    with pytest.raises(cefo.Error):
        res.to_string("xml")


def test_network_counts_and_warnings():
    net = cefo.load(SOURCE / "examples" / "zhenan-cluster.xml")
    assert net.count("process") > 0
    assert net.index("process", net.solve().processes["id"][0]) == 0
    assert all(isinstance(w, cefo.Error) and w.line > 0 for w in net.warnings)


def test_nothing_is_printed_on_any_path(capfd, tmp_path):
    """Loading, a parse error, an infeasible solve with diagnosis and a MIP print nothing."""
    for name in ("infeasible", "rectify", "unbounded"):
        cefo.load(GOLDEN / (name + ".xml")).solve().close()
    with pytest.raises(cefo.Error):
        cefo.load("<network")
    with pytest.raises(cefo.Error):
        cefo.leontief("<iotable version='1'/>")
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


def test_every_c_object_is_freed():
    """Each network, problem and result the package made is freed once its Python objects
    are gone or closed, on the error paths too (counted as they are freed)."""
    gc.collect()
    before = cefo._ffi.live()
    net = cefo.load(GOLDEN / "pollutant-cap.xml")
    prob = net.problem()
    first = prob.solve()
    prob.set_cap("CO2", 150)
    second = prob.solve()
    third = net.solve()                     # its own problem, freed on return
    with cefo.load(GOLDEN / "rectify.xml") as other, other.problem() as p2, p2.solve():
        pass
    grown = {k: cefo._ffi.live().get(k, 0) - before.get(k, 0)
             for k in ("network", "problem", "result")}
    assert grown == {"network": 1, "problem": 1, "result": 3}
    net.close()                             # the results still hold it
    assert cefo._ffi.live().get("network", 0) - before.get("network", 0) == 1
    with pytest.raises(cefo.Error):
        prob.solve(solver="nope")
    with pytest.raises(cefo.Error):
        cefo.load(GOLDEN / "pollutant-cap.xml", set={"//nothing/@x": "1"})
    with pytest.raises(cefo.Error):
        cefo.load(BAD_LINK).problem()
    del net, prob, first, second, third
    gc.collect()
    assert cefo._ffi.live() == before


def test_threads_share_one_problem():
    """Calls on one problem from several threads take turns (the C API takes one call on a
    handle at a time); a close from another thread waits for the solve in progress."""
    prob = cefo.load(GOLDEN / "pollutant-cap.xml").problem()
    objectives = []

    def work():
        for _ in range(4):
            res = prob.solve()
            objectives.append(res.objective)
            res.close()

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(objectives) == 12 and all(close(o, 1375) for o in objectives)
    prob.close()


@pytest.mark.parametrize("engine", ["cbc", "clp"])
def test_child_engines_print_nothing_here(engine):
    """CBC and CLP run as child processes: their output never reaches this process's
    stdout or stderr (the autouse fixture reads the file descriptors), and the hand optimum
    of pollutant-cap.expect comes back (or the engine is reported missing, as an Error)."""
    try:
        res = cefo.load(GOLDEN / "pollutant-cap.xml").solve(solver=engine)
    except cefo.Error as e:
        assert e.code == 10, e           # CEFO_ERR_UNAVAILABLE
        pytest.skip("%s is not installed" % engine)
    assert res.status == "optimal" and close(res.objective, 1375)
    assert close(res.pollutants.set_index("id").loc["CO2", "shadow_price"], -7 / 3)


def test_indicators_by_unit_never_mix_mass_and_volume():
    """tests/golden/units.xml (derived by hand in units.expect): 500 kg + 2 t = 2.5 t and
    30000 L + 300 m3 = 330 m3 apart; drums in pieces stay apart; the reuse rate per unit."""
    with cefo.load(GOLDEN / "units.xml").solve() as res:
        ind = res.indicators
        assert dict(ind["waste_generated"]) == {"t": 2.5, "m3": 330, "pieces": 40}
        assert close(ind["reuse_rate", "t"], 0.4) and ind["reuse_rate", "m3"] == 0
        assert dict(ind["virgin_import"]) == {"t": 0.1, "m3": 300}
        assert ind["labour", ""] == 5
        assert len(ind) == 18
