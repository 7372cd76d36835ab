"""cefo - the circular-economy flow optimiser (libcefo) from Python.

    import cefo
    net = cefo.load("examples/zhenan-cluster.xml")
    res = net.solve()
    res.status, res.objective, res.processes, res.pollutants, res.costs

Everything goes through libcefo's public C API (cffi, ABI mode). Errors are cefo.Error with
file, line and message; nothing is ever printed. See docs/python.md.
"""
from ._errors import Error
from ._ffi import CONSTANTS, ffi, lib
from ._leontief import Leontief, leontief
from ._network import Network, Problem, load
from ._result import Result

__all__ = ["Error", "Leontief", "Network", "Problem", "Result", "leontief", "load",
           "version", "MAX_VALUE"]

MAX_VALUE = CONSTANTS.get("CEFO_MAX_VALUE", 1e15)


def version():
    """libcefo's version, "MAJOR.MINOR.PATCH"."""
    return ffi.string(lib.cefo_version()).decode()
