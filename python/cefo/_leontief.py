"""_leontief.py - input-output analysis (cefo leontief) as numpy arrays and pandas tables."""
import os

import numpy as np
import pandas as pd

from ._errors import Error, check, new_error, text, using
from ._ffi import ffi, lib
from ._network import Network, is_xml_text, source_bytes


class Leontief:
    """What `cefo leontief` computes, copied out of the C result (nothing to free):
    `sectors`; Series `final_demand`, `total_output`, `output_multipliers` by sector;
    DataFrames `coefficients` (A) and `leontief_inverse` (L), sectors x sectors (None when not
    asked); `rcond` of I - A; `extensions` (id, unit, total) and, per extension (rows) and
    sector (columns), `direct_intensity`, `total_intensity` and `footprint`."""

    def __init__(self, res):
        v = ffi.new("cefo_io_vectors *")
        check(lib.cefo_io_result_vectors(res, v))
        n = v.n
        self.sectors = [text(v.sectors[i]) for i in range(n)]
        idx = pd.Index(self.sectors, name="sector")
        self.final_demand = pd.Series(_vector(v.final_demand, n), index=idx, name="final_demand")
        self.total_output = pd.Series(_vector(v.total_output, n), index=idx, name="total_output")
        self.output_multipliers = pd.Series(_vector(v.output_multipliers, n), index=idx,
                                            name="output_multipliers")
        self.coefficients = _matrix(v.coefficients, n, idx)
        self.leontief_inverse = _matrix(v.inverse, n, idx)
        self.rcond = float(v.rcond)
        ext = ffi.new("cefo_io_extension *")
        rows, direct, total, foot = [], [], [], []
        for k in range(lib.cefo_io_result_extensions(res)):
            check(lib.cefo_io_result_extension(res, k, ext))
            rows.append([text(ext.id), text(ext.unit), ext.total])
            direct.append(_vector(ext.direct_intensity, n))
            total.append(_vector(ext.total_intensity, n))
            foot.append(_vector(ext.footprint, n))
        self.extensions = pd.DataFrame(rows, columns=["id", "unit", "total"])
        eidx = pd.Index(self.extensions["id"], name="extension")
        self.direct_intensity = pd.DataFrame(direct, index=eidx, columns=idx, dtype=float)
        self.total_intensity = pd.DataFrame(total, index=eidx, columns=idx, dtype=float)
        self.footprint = pd.DataFrame(foot, index=eidx, columns=idx, dtype=float)

    def __repr__(self):
        return "<cefo.Leontief %d sectors>" % len(self.sectors)


def _vector(ptr, n):
    return np.frombuffer(ffi.buffer(ptr, n * 8), dtype=np.float64).copy() if n else np.zeros(0)


def _matrix(ptr, n, idx):
    if ptr == ffi.NULL:
        return None
    return pd.DataFrame(_vector(ptr, n * n).reshape(n, n), index=idx, columns=idx.copy())


def _load_table(source, name, src_anywhere):
    out = ffi.new("cefo_iotable **")
    err = new_error()
    flags = lib.CEFO_LOAD_SRC_ANYWHERE if src_anywhere else 0
    if isinstance(source, Network):
        with using(source._owned(), "network") as net:
            status = lib.cefo_iotable_from_network(out, net, err)
    elif is_xml_text(source):
        data = source_bytes(source)
        status = lib.cefo_iotable_load_memory_flags(out, data, len(data),
                                                    name.encode() if name else ffi.NULL, flags,
                                                    err)
    else:
        status = lib.cefo_iotable_load_file_flags(out, os.fsencode(source), flags, err)
    check(status, err)
    return out[0]


def _demand(table, final_demand):
    """n doubles: the table's own final demand with the given sectors replaced (a dict), or
    a whole new vector (a sequence)."""
    n = lib.cefo_iotable_size(table)
    y = ffi.new("double[]", max(n, 1))
    if isinstance(final_demand, dict):
        check(lib.cefo_iotable_final_demand(table, y))
        i = ffi.new("size_t *")
        for sector, value in final_demand.items():
            if lib.cefo_iotable_find(table, str(sector).encode("utf-8"), i) != lib.CEFO_OK:
                raise Error("the table has no sector '%s'" % sector, lib.CEFO_ERR_INVALID,
                            element=str(sector))
            y[i[0]] = float(value)
        return y
    values = np.asarray(final_demand, dtype=np.float64).ravel()
    if values.size != n:
        raise Error("final_demand has %d values for %d sectors" % (values.size, n))
    for k in range(n):
        y[k] = values[k]
    return y


def leontief(source, final_demand=None, inverse=True, coefficients=True, name=None,
             src_anywhere=False):
    """Leontief (or WIO) analysis of an `<iotable>` file or XML text, of a `<network>` file
    whose products each have one producer, or of a loaded Network. `final_demand`: None (the
    table's own), {sector: amount} (those sectors changed) or n amounts. `src_anywhere`
    lifts the rule that src= files lie beside the table (trusted input only)."""
    table = _load_table(source, name, src_anywhere)
    res = ffi.new("cefo_io_result **")
    try:
        opt = ffi.new("cefo_io_options *")
        lib.cefo_io_options_init(opt)
        opt.inverse = int(bool(inverse))
        opt.coefficients = int(bool(coefficients))
        y = None
        if final_demand is not None:
            y = _demand(table, final_demand)
            opt.final_demand = y
        err = new_error()
        check(lib.cefo_iotable_analyse(table, opt, res, err), err)
        return Leontief(res[0])
    finally:
        lib.cefo_io_result_free(res[0])
        lib.cefo_iotable_free(table)
