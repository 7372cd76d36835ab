"""_network.py - networks, their linear programmes and in-place what-if edits."""
import math
import os

from ._errors import ERR_ARG, ERR_INVALID, Closing, Error, check, new_error, text, using
from ._ffi import Owned, ffi, lib
from ._result import Result, network_source

KINDS = {"material": lib.CEFO_MATERIAL, "pollutant": lib.CEFO_POLLUTANT,
         "process": lib.CEFO_PROCESS, "link": lib.CEFO_LINK, "group": lib.CEFO_GROUP,
         "resource": lib.CEFO_RESOURCE}
SOLVERS = {"glpk": lib.CEFO_SOLVER_GLPK, "cbc": lib.CEFO_SOLVER_CBC,
           "clp": lib.CEFO_SOLVER_CLP}
METHODS = {"auto": lib.CEFO_METHOD_AUTO, "primal": lib.CEFO_METHOD_PRIMAL,
           "dual": lib.CEFO_METHOD_DUAL}
MODEL_FORMATS = {"mps": lib.CEFO_MODEL_MPS, "lp": lib.CEFO_MODEL_LP}


def _choice(table, value, what):
    if value not in table:
        raise Error("unknown %s '%s' (%s)" % (what, value, ", ".join(table)))
    return table[value]


def is_xml_text(source):
    """A str or bytes holding a document rather than naming a file."""
    if isinstance(source, bytes):
        return True
    return isinstance(source, str) and source.lstrip("\ufeff \t\r\n").startswith("<")


def source_bytes(source):
    return source if isinstance(source, bytes) else source.encode("utf-8")


def _edits(set, scale, remove):
    """cefo_edit records (and the buffers they point to, kept alive by the caller)."""
    items = [(lib.CEFO_EDIT_SET, sel, str(v), 0.0) for sel, v in (set or {}).items()]
    items += [(lib.CEFO_EDIT_SCALE, sel, None, float(f)) for sel, f in (scale or {}).items()]
    items += [(lib.CEFO_EDIT_REMOVE, sel, None, 0.0) for sel in (remove or [])]
    keep = []
    edits = ffi.new("cefo_edit[]", max(len(items), 1))
    for k, (kind, sel, value, factor) in enumerate(items):
        keep.append(ffi.new("char[]", sel.encode("utf-8")))
        edits[k].kind = kind
        edits[k].sel = keep[-1]
        if value is not None:
            keep.append(ffi.new("char[]", value.encode("utf-8")))
            edits[k].value = keep[-1]
        edits[k].factor = factor
    return edits, len(items), keep


def load(source, *, name=None, scenarios=None, scenario=None, set=None, scale=None,
         remove=None):
    """Loads a network from a file path or from XML text (a str starting with '<', or bytes;
    `name` names it in errors). For a file, what-if edits may come first, as on the command
    line: the scenario `scenario` of the scenarios file `scenarios`, then `set`
    ({XPATH: value}), `scale` ({XPATH: factor}) and `remove` ([XPATH]), in that order.
    Raises cefo.Error with the file and line of what is wrong."""
    out = ffi.new("cefo_network **")
    err = new_error()
    edited = scenarios is not None or scenario is not None or set or scale or remove
    if is_xml_text(source):
        if edited:
            raise Error("edits apply to a network file, not to XML text")
        data = source_bytes(source)
        status = lib.cefo_network_load_memory(out, data, len(data),
                                              name.encode() if name else ffi.NULL, err)
    elif not edited:
        status = lib.cefo_network_load_file(out, os.fsencode(source), err)
    else:
        status = _load_edited(out, os.fsencode(source), scenarios, scenario, set, scale,
                              remove, err)
    check(status, err)
    return Network(Owned(out[0], lib.cefo_network_free, "network"))


def _load_edited(out, path, scenarios, scenario, set, scale, remove, err):
    sc = ffi.new("cefo_scenarios **")
    if scenarios is not None:
        check(lib.cefo_scenarios_load_file(sc, os.fsencode(scenarios), err), err)
    try:
        edits, n, _keep = _edits(set, scale, remove)
        return lib.cefo_network_load_edited(out, path, sc[0],
                                            scenario.encode() if scenario else ffi.NULL,
                                            edits, n, err)
    finally:
        lib.cefo_scenarios_free(sc[0])


def find(net, kind, item):
    """The index of the item of `kind` in the C network `net` given by id (or by index)."""
    code = _choice(KINDS, kind, "kind")
    if isinstance(item, int) and not isinstance(item, bool):
        if 0 <= item < lib.cefo_network_count(net, code):
            return item
        raise Error("%s index %d out of range" % (kind, item), ERR_ARG)
    idx = ffi.new("size_t *")
    status = lib.cefo_network_find(net, code, str(item).encode("utf-8"), idx)
    if status == ERR_INVALID:
        raise Error("the network has no %s '%s'" % (kind, item), status, element=str(item))
    check(status)
    return idx[0]


class Network(Closing):
    """A loaded network. close() (or the end of a `with` block) lets it go; the C network is
    freed once the problems and results taken from it are gone too."""

    def __init__(self, owned):
        self._own = owned

    def _owned(self):
        """The C network's holder, for those that borrow it (problems, results, tables)."""
        if self._own is None:
            raise Error("the network is closed")
        return self._own

    def close(self):
        self._own = None

    def count(self, kind):
        """How many items of a kind ("process", "material", "pollutant", "link", "group",
        "resource") the network has."""
        code = _choice(KINDS, kind, "kind")
        with using(self._own, "network") as h:
            return lib.cefo_network_count(h, code)

    def index(self, kind, item):
        """The index of an item given by id (or already an index, checked)."""
        with using(self._own, "network") as h:
            return find(h, kind, item)

    @property
    def source(self):
        """Where the network came from: {"file", "scenario" (None or {"id", "name", "file"}),
        "edits" ([{"kind", "selector", "value" or "factor"}], in the order applied)}, as the
        `source` of a plan's JSON."""
        with using(self._own, "network") as h:
            return network_source(h)

    @property
    def name(self):
        """The network's `name` attribute (a label), or None."""
        with using(self._own, "network") as h:
            return text(lib.cefo_network_name(h))

    @property
    def warnings(self):
        """What was accepted but may not be meant, as cefo.Error objects (never printed)."""
        found = []
        with using(self._own, "network") as h:
            for i in range(lib.cefo_network_warning_count(h)):
                w = lib.cefo_network_warning(h, i)
                found.append(Error(text(w.message), w.code, text(w.file) or None, w.line,
                                   w.column, text(w.element) or None))
        return found

    def problem(self):
        """The network's linear programme, for solving and in-place what-if edits."""
        return Problem(self)

    def solve(self, **options):
        """Builds, solves and returns the Result (options as Problem.solve)."""
        with self.problem() as prob:
            return prob.solve(**options)


def _options(solver=None, time_limit=None, gap=None, method=None, presolve=None,
             iteration_limit=None, diagnose=None, solver_log=None):
    opt = ffi.new("cefo_options *")
    lib.cefo_options_init(opt)
    keep = None
    if solver is not None:
        opt.solver = _choice(SOLVERS, solver, "solver")
    if method is not None:
        opt.method = _choice(METHODS, method, "method")
    if time_limit is not None:
        opt.time_limit = float(time_limit)
    if gap is not None:
        opt.mip_gap = float(gap)
    if presolve is not None:
        opt.presolve = int(bool(presolve))
    if iteration_limit is not None:
        opt.iteration_limit = int(iteration_limit)
    if diagnose is not None:
        opt.diagnose = int(bool(diagnose))
    if solver_log is not None:
        keep = ffi.new("char[]", os.fsencode(solver_log))
        opt.solver_log = keep
    return opt, keep


class Problem(Closing):
    """A network's linear programme. Solve it, change a cap, a demand, a capacity, a damage
    cost or a resource's bounds in place, and solve again from the last basis."""

    def __init__(self, network):
        self._own = None
        self._net = network._owned()        # the problem borrows the network
        out = ffi.new("cefo_problem **")
        err = new_error()
        with using(self._net, "network") as net:
            check(lib.cefo_problem_build(out, net, err), err)
        self._own = Owned(out[0], lib.cefo_problem_free, "problem")

    def close(self):
        """Frees the C problem (results taken from it stay valid). Safe to call twice; waits
        for a solve running on another thread."""
        if self._own is not None:
            self._own.release()
            self._net = None

    def solve(self, solver=None, time_limit=None, gap=None, **more):
        """Solves (again from the last basis after an edit) and returns a Result. `solver`:
        "glpk" (default), "cbc" or "clp"; `time_limit` in seconds; `gap`: the relative MIP
        gap (default 1e-4). Also `method` ("auto", "primal", "dual"), `presolve`,
        `iteration_limit`, `diagnose`, `solver_log` (a file for CBC/CLP's output).
        An infeasible model is a result with that status, not an error."""
        opt, _keep = _options(solver, time_limit, gap, **more)
        out = ffi.new("cefo_result **")
        err = new_error()
        with using(self._own, "problem") as prob:
            check(lib.cefo_problem_solve(prob, opt, out, err), err)
            return Result(Owned(out[0], lib.cefo_result_free, "result"), self._net)

    def update(self, kind, item, attribute, value):
        """Sets one attribute in place (cefo_problem_update): "capacity" of a process,
        "damage-cost" or "cap" of a pollutant, "demand" of a material, "min", "max" or
        "price" of a resource. None means no limit (inf) for a capacity or a cap."""
        value = math.inf if value is None else float(value)
        err = new_error()
        with using(self._own, "problem") as prob:
            index = find(self._net.h, kind, item)
            check(lib.cefo_problem_update(prob, KINDS[kind], index,
                                          attribute.encode(), value, err), err)

    def set_cap(self, pollutant, cap):
        """A pollutant's cap (None: no cap)."""
        self.update("pollutant", pollutant, "cap", cap)

    def set_damage_cost(self, pollutant, cost):
        self.update("pollutant", pollutant, "damage-cost", cost)

    def set_demand(self, material, amount):
        """A material's total demand."""
        self.update("material", material, "demand", amount)

    def set_capacity(self, process, capacity):
        """A process's capacity (None: unbounded, unless it is a build/keep decision)."""
        self.update("process", process, "capacity", capacity)

    def set_resource(self, resource, min=None, max=None, price=None):
        """Those of a resource's min, max and price that are given. A new min above the old
        max (or the reverse) is set in the order that never crosses."""
        bounds = [(k, v) for k, v in (("min", min), ("max", max)) if v is not None]
        if min is not None and max is not None and min > max:
            raise Error("resource '%s': min %g above max %g" % (resource, min, max))
        try:
            for key, value in bounds:
                self.update("resource", resource, key, value)
        except Error:
            if len(bounds) < 2:
                raise
            for key, value in reversed(bounds):
                self.update("resource", resource, key, value)
        if price is not None:
            self.update("resource", resource, "price", price)

    def write(self, path, format="mps"):
        """Writes the model as GLPK would solve it: "mps" or "lp" (CPLEX LP)."""
        code = _choice(MODEL_FORMATS, format, "format")
        err = new_error()
        with using(self._own, "problem") as prob:
            check(lib.cefo_problem_write(prob, code, os.fsencode(path), err), err)
