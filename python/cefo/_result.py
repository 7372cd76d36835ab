"""_result.py - a solved plan read through the public accessors, as pandas objects whose
columns are the keys of the JSON contract (docs/results.md)."""
import functools
import os

import pandas as pd

from ._errors import Closing, Error, check, new_error, text, using
from ._ffi import ffi, lib, libc

FORMATS = {"text": lib.CEFO_FORMAT_TEXT, "json": lib.CEFO_FORMAT_JSON,
           "csv": lib.CEFO_FORMAT_CSV}

# The columns of each table: the JSON contract's keys, in its order.
PROCESS_COLUMNS = ["id", "kind", "name", "sector", "zone", "activity", "capacity",
                   "capacity_shadow_price", "chosen", "cost", "labour", "group", "variant"]
LINK_COLUMNS = ["from", "to", "material", "flow", "capacity", "distance", "chosen"]
MATERIAL_COLUMNS = ["id", "unit", "kind", "import", "export", "discharge", "demand",
                    "shadow_price"]
POLLUTANT_COLUMNS = ["id", "unit", "emission", "cap", "damage_cost", "shadow_price"]
RESOURCE_COLUMNS = ["id", "unit", "name", "use", "min", "max", "price", "shadow_price"]
GROUP_COLUMNS = ["id", "chosen", "variant", "fixed_cost"]
DIAGNOSIS_COLUMNS = ["kind", "id", "amount", "unit", "message"]
AREA_COLUMNS = ["id", "processes", "activity_cost", "fixed_cost", "labour"]
AREAS = {"sectors": lib.CEFO_SECTOR, "zones": lib.CEFO_ZONE}


EDIT_KINDS = {lib.CEFO_EDIT_SET: "set", lib.CEFO_EDIT_SCALE: "scale",
              lib.CEFO_EDIT_REMOVE: "remove"}


def network_source(net):
    """The source a C network records, as the JSON writer's `source` object."""
    scenario = None
    if lib.cefo_network_scenario(net) != ffi.NULL:
        scenario = {"id": text(lib.cefo_network_scenario(net)),
                    "name": text(lib.cefo_network_scenario_name(net)),
                    "file": text(lib.cefo_network_scenarios_file(net))}
    edits = []
    e = ffi.new("cefo_edit *")
    for i in range(lib.cefo_network_edit_count(net)):
        check(lib.cefo_network_edit(net, i, e))
        edit = {"kind": EDIT_KINDS[e.kind], "selector": text(e.sel)}
        if e.kind == lib.CEFO_EDIT_SET:
            edit["value"] = text(e.value) or ""
        elif e.kind == lib.CEFO_EDIT_SCALE:
            edit["factor"] = e.factor
        edits.append(edit)
    return {"file": text(lib.cefo_network_file(net)), "scenario": scenario, "edits": edits}


def format_code(fmt):
    if fmt not in FORMATS:
        raise Error("unknown format '%s' (text, json or csv)" % fmt)
    return FORMATS[fmt]


def _chosen(value):
    """A decision as JSON writes it: True/False, or missing (not a decision, no plan)."""
    return pd.NA if value < 0 else bool(value)


def _frame(rows, columns, booleans=()):
    frame = pd.DataFrame(rows, columns=columns)
    for col in booleans:
        frame[col] = frame[col].astype("boolean")
    return frame


def _table(method):
    """A cached table read from the live handle on first use."""
    @functools.wraps(method)
    def wrapper(self):
        key = method.__name__
        if key not in self._cache:
            with using(self._own, "result"):
                self._cache[key] = method(self)
        return self._cache[key]
    return property(wrapper)


class Result(Closing):
    """One solve's plan. Tables are read on first use and kept; close() (or the end of a
    `with` block, or garbage collection) frees the C result. Numbers follow the C API:
    NaN where a number does not exist (no plan, no cap), inf for an unbounded capacity, cap or
    max and -inf for no min (JSON writes null for all of these)."""

    def __init__(self, owned, network):
        self._own = owned
        self._net = network     # an _ffi.Owned: the result's strings point into the network
        self._cache = {}
        h = owned.h
        self.status = text(lib.cefo_solve_status_name(lib.cefo_result_status(h)))
        self.objective = float(lib.cefo_result_objective(h))
        self.gap = float(lib.cefo_result_gap(h))

    @property
    def _h(self):
        return self._own.h

    @property
    def source(self):
        """Where the plan came from, as JSON's `source`: {"file", "scenario" (None or
        {"id", "name", "file"}), "edits" ([{"kind", "selector", "value" or "factor"}])}."""
        with using(self._own, "result") as h:
            return network_source(lib.cefo_result_network(h))

    @property
    def name(self):
        """The network's name (its `name` attribute), or None."""
        with using(self._own, "result") as h:
            return text(lib.cefo_network_name(lib.cefo_result_network(h)))

    def close(self):
        """Frees the C result (tables already read stay usable). Safe to call twice."""
        self._own.release()
        self._net = None

    def __repr__(self):
        return "<cefo.Result %s objective=%r>" % (self.status, self.objective)

    def _count(self, kind):
        return lib.cefo_result_count(self._h, kind)

    def _rows(self, kind, ctype, getter):
        row = ffi.new(ctype)
        for i in range(self._count(kind)):
            check(getter(self._h, i, row))
            yield i, row

    @_table
    def processes(self):
        rows = []
        net = lib.cefo_result_network(self._h)
        fig = ffi.new("cefo_process_figures *")
        for i, r in self._rows(lib.CEFO_PROCESS, "cefo_process_result *",
                               lib.cefo_result_process):
            check(lib.cefo_result_process_figures(self._h, i, fig))
            labels = [text(lib.cefo_network_label(net, lib.CEFO_PROCESS, i, k))
                      for k in (b"name", b"sector", b"zone")]
            rows.append([text(r.id), text(r.kind)] + labels + [r.activity, r.capacity,
                         r.capacity_shadow_price, _chosen(r.chosen), fig.cost, fig.labour,
                         text(r.group), text(r.variant)])
        return _frame(rows, PROCESS_COLUMNS, ["chosen"])

    @_table
    def emissions(self):
        """Emission of each pollutant (columns) by each process (rows, by id)."""
        pollutants = list(self.pollutants["id"])
        ids = list(self.processes["id"])
        data = [[lib.cefo_result_process_emission(self._h, i, k) for k in range(len(pollutants))]
                for i in range(len(ids))]
        return pd.DataFrame(data, index=pd.Index(ids, name="process"), columns=pollutants,
                            dtype=float)

    @_table
    def links(self):
        net = lib.cefo_result_network(self._h)
        rows = [[text(getattr(r, "from")), text(r.to), text(r.material), r.flow,
                 r.capacity, lib.cefo_network_link_distance(net, i), _chosen(r.chosen)]
                for i, r in self._rows(lib.CEFO_LINK, "cefo_link_result *", lib.cefo_result_link)]
        return _frame(rows, LINK_COLUMNS, ["chosen"])

    @_table
    def materials(self):
        rows = [[text(r.id), text(r.unit), text(r.kind), getattr(r, "import"), r.export,
                 r.discharge, r.demand, r.shadow_price]
                for _, r in self._rows(lib.CEFO_MATERIAL, "cefo_material_result *",
                                       lib.cefo_result_material)]
        return _frame(rows, MATERIAL_COLUMNS)

    @_table
    def pollutants(self):
        rows = [[text(r.id), text(r.unit), r.emission, r.cap, r.damage_cost, r.shadow_price]
                for _, r in self._rows(lib.CEFO_POLLUTANT, "cefo_pollutant_result *",
                                       lib.cefo_result_pollutant)]
        return _frame(rows, POLLUTANT_COLUMNS)

    @_table
    def resources(self):
        rows = [[text(r.id), text(r.unit), text(r.name), r.use, r.min, r.max, r.price,
                 r.shadow_price]
                for _, r in self._rows(lib.CEFO_RESOURCE, "cefo_resource_result *",
                                       lib.cefo_result_resource)]
        return _frame(rows, RESOURCE_COLUMNS)

    @_table
    def groups(self):
        rows = []
        for _, r in self._rows(lib.CEFO_GROUP, "cefo_group_result *", lib.cefo_result_group):
            chosen = text(r.chosen)
            variant = (text(r.variant) or chosen) if chosen else "closed"
            rows.append([text(r.id), chosen, variant, r.fixed_cost])
        return _frame(rows, GROUP_COLUMNS)

    @_table
    def diagnosis(self):
        item = ffi.new("cefo_diagnosis_item *")
        rows = []
        for i in range(lib.cefo_result_diagnosis_count(self._h)):
            check(lib.cefo_result_diagnosis(self._h, i, item))
            rows.append([text(item.kind), text(item.id), item.amount, text(item.unit),
                         text(item.message)])
        return _frame(rows, DIAGNOSIS_COLUMNS)

    @_table
    def costs(self):
        """The objective's terms by JSON key, "total" last."""
        term = ffi.new("cefo_cost_term *")
        keys, values = [], []
        for i in range(lib.cefo_result_cost_count(self._h)):
            check(lib.cefo_result_cost_term(self._h, i, term))
            keys.append(text(term.key))
            values.append(term.value)
        return pd.Series(values, index=keys, name="cost", dtype=float)

    @_table
    def indicators(self):
        """The indicators by (indicator, unit), as the JSON object by unit: amounts in t (g,
        kg, kt, Mt converted), m3 (L, ML converted) or a unit as written, never added across
        units; the reuse rate within each unit; labour, a total, under unit "".
        `indicators["waste_generated"]` is a Series by unit."""
        row = ffi.new("cefo_indicator_row *")
        keys, units, values = [], [], []
        for i in range(lib.cefo_result_indicator_count(self._h)):
            check(lib.cefo_result_indicator(self._h, i, row))
            keys.append(text(row.key))
            units.append(text(row.unit) or "")
            values.append(row.value)
        index = pd.MultiIndex.from_arrays([keys, units], names=["indicator", "unit"])
        return pd.Series(values, index=index, name="indicator", dtype=float)

    def _areas(self, kind):
        pollutants = list(self.pollutants["id"])
        variants = [text(lib.cefo_result_variant(self._h, j))
                    for j in range(lib.cefo_result_variant_count(self._h))]
        row = ffi.new("cefo_area_result *")
        rows = []
        for i in range(lib.cefo_result_area_count(self._h, kind)):
            check(lib.cefo_result_area(self._h, kind, i, row))
            rows.append([text(row.id), row.processes, row.activity_cost, row.fixed_cost,
                         row.labour]
                        + [lib.cefo_result_area_emission(self._h, kind, i, k)
                           for k in range(len(pollutants))]
                        + [lib.cefo_result_area_groups(self._h, kind, i, j)
                           for j in range(len(variants))])
        columns = (AREA_COLUMNS + ["emission:" + p for p in pollutants]
                   + ["groups:" + v for v in variants])
        return _frame(rows, columns)

    @_table
    def sectors(self):
        """By the processes' sector: costs, labour, emission:POLLUTANT, groups:VARIANT."""
        return self._areas(lib.CEFO_SECTOR)

    @_table
    def zones(self):
        """By the processes' zone, as sectors."""
        return self._areas(lib.CEFO_ZONE)

    def to_string(self, format="text"):
        """The result as `cefo solve --format FORMAT` writes it (text, json or csv)."""
        code = format_code(format)
        buf = ffi.new("char **")
        size = ffi.new("size_t *")
        fp = libc.open_memstream(buf, size)
        if fp == ffi.NULL:
            raise Error("out of memory", lib.CEFO_ERR_NOMEM)
        err = new_error()
        try:
            with using(self._own, "result") as h:
                status = lib.cefo_result_write(h, fp, code, err)
        finally:
            libc.fclose(fp)
            out = ffi.unpack(buf[0], size[0]).decode("utf-8") if buf[0] != ffi.NULL else ""
            libc.free(buf[0])
        check(status, err)
        return out

    def write(self, path, format="json"):
        """Writes the result atomically to `path`, as `cefo solve -o PATH` does."""
        code = format_code(format)
        err = new_error()
        with using(self._own, "result") as h:
            check(lib.cefo_result_write_file(h, os.fsencode(path), code, err), err)
