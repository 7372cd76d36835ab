"""test_golden.py - the hand-derived optima of tests/golden through the Python package: each
NAME.expect (its numbers derived by hand in its comments) checked against the DataFrames."""
import math

import pandas as pd
import pytest

import cefo
from conftest import GOLDEN, close

EXPECTS = sorted(p.stem for p in GOLDEN.glob("*.expect"))


def _row(frame, **match):
    rows = frame
    for col, value in match.items():
        rows = rows[rows[col] == value]
    assert len(rows) == 1, "no single row %r" % (match,)
    return rows.iloc[0]


def _number(v):
    """A cell as a float: a missing decision (pd.NA) or string None is NaN."""
    return math.nan if v is None or pd.isna(v) else float(v)


def lookup(res, key):
    """The number an .expect key names (tests/golden/README.md), read from the tables."""
    if key == "objective":
        return res.objective
    if key == "gap":
        return res.gap
    kind, rest = key.split(".", 1)
    if kind == "cost":
        return float(res.costs[rest])
    if key == "indicator.count":    # how many (indicator, unit) rows
        return len(res.indicators)
    if kind == "indicator":     # indicator.KEY.UNIT, or indicator.KEY for a total
        name, _, unit = rest.partition(".")
        return float(res.indicators[name, unit])
    ident, field = rest.rsplit(".", 1)
    if kind == "link":
        frm, to, material = ident.split(".")
        return _number(_row(res.links, **{"from": frm, "to": to, "material": material})[field])
    if kind == "diagnosis":     # diagnosis.KIND.ID: KIND holds no dot, ID may
        dkind, did = rest.split(".", 1)
        return float(_row(res.diagnosis, kind=dkind, id=did)["amount"])
    tables = {"process": res.processes, "material": res.materials,
              "pollutant": res.pollutants, "resource": res.resources}
    return _number(_row(tables[kind], id=ident)[field])


def check_lines(name, res):
    checked = 0
    for line in (GOLDEN / (name + ".expect")).read_text().splitlines():
        words = line.split()
        if not words or line.startswith("#"):
            continue
        checked += 1
        key, want = words[0], words[1]
        if key == "status":
            assert res.status == want
        elif key == "resolve":     # resolve SEL=VALUE KEY WANT: the edited network, cold
            sel, value = want.rsplit("=", 1)
            with cefo.load(GOLDEN / (name + ".xml"), set={sel: value}).solve() as again:
                got = lookup(again, words[2])
                assert close(got, float(words[3])), "%s %s: %r" % (line, name, got)
        elif key.startswith("group."):
            group = key[len("group."):-len(".chosen")]
            chosen = _row(res.groups, id=group)["chosen"]
            assert (chosen or "closed") == want
        else:
            got = lookup(res, key)
            assert close(got, float(want)), "%s: %s = %r, want %s" % (name, key, got, want)
    return checked


@pytest.mark.parametrize("name", EXPECTS)
def test_golden_hand_optimum(name):
    with cefo.load(GOLDEN / (name + ".xml")) as net, net.solve() as res:
        assert check_lines(name, res) > 0
        if res.status == "optimal":     # the terms add up to the objective
            assert close(res.costs["total"], res.objective)


def test_golden_set_covers_the_c_suite():
    """The C golden suite's networks are all here (a renamed file must not drop out)."""
    for name in ["pooled-reuse", "linked-chain", "pollutant-cap", "infeasible", "unbounded",
                 "rectify", "recycler", "import-limit-pooled", "import-limit-linked",
                 "decision-min", "resource-quota", "breakdown", "units"]:
        assert name in EXPECTS
