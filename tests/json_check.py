#!/usr/bin/python3
"""json_check.py FILE [--golden G] [--expect PATH VALUE]... - parses a JSON output of cefo strictly and checks
what must hold of it, whatever the input: exit 0 when it does, 1 (with the reasons) otherwise.

Strict: one document, no NaN/Infinity, no duplicate keys, UTF-8. Then, by the document's shape:
- a plan (`cefo solve`): the contract's keys (docs/results.md); a status from the list; with a
  plan, the cost terms add up to the total and the total is the objective; without one, every
  number of the plan is null and no decision reads as chosen; `chosen` is true, false or
  null, and matches the groups' choices; a decision not chosen carries no activity or flow.
- a Leontief analysis (`cefo leontief`): square inverse of the sectors' size, vectors of it.
--golden GOLDEN: the document equals GOLDEN's, numbers to 1e-9 relative (LP noise in the last
digits is no difference; a missing or renamed key, another string or value is).
--expect PATH VALUE: the value at PATH (keys and list indexes joined by '.', a list item also
by KEY=VALUE, e.g. processes.id=line1.activity) equals VALUE (JSON; numbers to 1e-9).
"""
import json
import math
import sys

STATUSES = {"optimal", "infeasible", "unbounded", "time-limit", "iteration-limit", "gap-limit",
            "undefined"}
PLAN_KEYS = ["status", "objective", "costs", "processes", "links", "materials", "pollutants",
             "indicators"]
COST_TERMS = ["process", "link", "import", "discharge", "pollution", "export_revenue", "fixed"]
# Indicators by unit (docs/results.md): an object by unit each, labour one number. Units that
# are converted before adding never appear as keys: mass is in t, volume in m3.
INDICATORS_BY_UNIT = ["waste_generated", "waste_reused", "waste_treated", "waste_disposed",
                      "reuse_rate", "virgin_import"]
CONVERTED = {"g", "kg", "kt", "Mt", "L", "ML"}

problems = []


def fail(msg):
    problems.append(msg)


def no_duplicates(pairs):
    seen = {}
    for k, v in pairs:
        if k in seen:
            fail("duplicate key %r" % k)
        seen[k] = v
    return seen


def bad_constant(name):
    raise ValueError("%s is not JSON" % name)


def close(a, b, rtol=1e-9):
    return abs(a - b) <= rtol * max(1.0, abs(a), abs(b))


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def num_or_null(where, v):
    if v is not None and not is_num(v):
        fail("%s: %r is neither a finite number nor null" % (where, v))


def check_plan(d):
    for k in PLAN_KEYS:
        if k not in d:
            fail("missing key %r" % k)
    if problems:
        return
    status = d["status"]
    if status not in STATUSES:
        fail("unknown status %r" % status)
    costs = d["costs"]
    for t in COST_TERMS + ["total"]:
        if t not in costs:
            fail("costs: missing term %r" % t)
        else:
            num_or_null("costs." + t, costs[t])
    num_or_null("objective", d["objective"])
    has_plan = is_num(d["objective"])
    if status == "optimal" and not has_plan:
        fail("status optimal without an objective")
    if status in ("infeasible", "unbounded") and d["objective"] is not None:
        fail("status %s with an objective" % status)
    if has_plan and all(is_num(costs.get(t)) for t in COST_TERMS + ["total"]):
        # every term but the total, export revenue counted with a minus sign (resource prices
        # and investments are terms too where a plan has them)
        s = sum(v for t, v in costs.items() if t not in ("export_revenue", "total")
                and is_num(v)) - costs["export_revenue"]
        if not close(s, costs["total"], 1e-7):
            fail("cost terms add up to %r, total says %r" % (s, costs["total"]))
        if not close(costs["total"], d["objective"], 1e-7):
            fail("costs.total %r differs from the objective %r" % (costs["total"], d["objective"]))
    chosen_of = {}
    for i, p in enumerate(d["processes"]):
        where = "processes[%d]" % i
        for k in ("id", "activity", "chosen"):
            if k not in p:
                fail("%s: missing %r" % (where, k))
        if not isinstance(p.get("id"), str):
            fail("%s: id is not a string" % where)
        num_or_null(where + ".activity", p.get("activity"))
        c = p.get("chosen")
        if c not in (True, False, None):
            fail("%s: chosen is %r, not true, false or null" % (where, c))
        chosen_of[p.get("id")] = c
        if d.get("mip", 0) is None and c is not None:
            fail("%s: chosen %r in an LP, which has no decisions" % (where, c))
        if not has_plan and (p.get("activity") is not None or c is not None):
            fail("%s: a value without a plan (activity %r, chosen %r)"
                 % (where, p.get("activity"), c))
        if c is False and is_num(p.get("activity")) and abs(p["activity"]) > 1e-9:
            fail("%s: not chosen, yet runs at %r" % (where, p["activity"]))
    for i, ln in enumerate(d["links"]):
        where = "links[%d]" % i
        for k in ("from", "to", "material", "flow"):
            if k not in ln:
                fail("%s: missing %r" % (where, k))
        num_or_null(where + ".flow", ln.get("flow"))
        c = ln.get("chosen")
        if c not in (True, False, None):
            fail("%s: chosen is %r" % (where, c))
        if d.get("mip", 0) is None and c is not None:
            fail("%s: chosen %r in an LP, which has no decisions" % (where, c))
        if not has_plan and (ln.get("flow") is not None or c is not None):
            fail("%s: a value without a plan" % where)
        if c is False and is_num(ln.get("flow")) and abs(ln["flow"]) > 1e-9:
            fail("%s: not chosen, yet carries %r" % (where, ln["flow"]))
    for i, m in enumerate(d["materials"]):
        for k in ("id", "import", "export", "discharge", "shadow_price"):
            if k not in m:
                fail("materials[%d]: missing %r" % (i, k))
            elif k != "id":
                num_or_null("materials[%d].%s" % (i, k), m[k])
    for i, k in enumerate(d["pollutants"]):
        for key in ("id", "emission", "cap", "shadow_price"):
            if key not in k:
                fail("pollutants[%d]: missing %r" % (i, key))
        sp = k.get("shadow_price")
        if is_num(sp) and sp > 1e-9:
            fail("pollutants[%d]: a cap's shadow price is <= 0, got %r" % (i, sp))
    for g in d.get("groups") or []:
        chosen = g.get("chosen")
        if chosen is not None and chosen_of.get(chosen) is not True:
            fail("group %r chose %r, whose own chosen is %r"
                 % (g.get("id"), chosen, chosen_of.get(chosen)))
        if not has_plan and (chosen is not None or g.get("variant") is not None):
            fail("group %r: a choice without a plan" % g.get("id"))
    check_indicators(d["indicators"], has_plan)
    diag = d.get("diagnosis")
    if diag is not None:
        if status != "infeasible":
            fail("a diagnosis on a %s model" % status)
        for i, item in enumerate(diag):
            for key in ("kind", "id", "amount", "message"):
                if key not in item:
                    fail("diagnosis[%d]: missing %r" % (i, key))
            if not is_num(item.get("amount")) or item["amount"] <= 0:
                fail("diagnosis[%d]: amount %r is not a positive number"
                     % (i, item.get("amount")))


def check_indicators(ind, has_plan):
    """Every indicator by unit: units never converted ones; numbers (null only without a plan,
    or a rate with nothing generated); the reuse rate is reused / generated in each unit."""
    if not isinstance(ind, dict):
        fail("indicators: not an object")
        return
    for key in INDICATORS_BY_UNIT:
        by_unit = ind.get(key)
        if not isinstance(by_unit, dict):
            fail("indicators.%s: %r is not an object by unit" % (key, by_unit))
            continue
        for unit, v in by_unit.items():
            where = "indicators.%s.%s" % (key, unit)
            if unit in CONVERTED:
                fail("%s: a unit that is converted (to t or m3) before adding" % where)
            num_or_null(where, v)
            if has_plan and v is None and key != "reuse_rate":
                fail("%s: null in a plan" % where)
    if "labour" in ind:
        num_or_null("indicators.labour", ind["labour"])
    gen, reused = ind.get("waste_generated"), ind.get("waste_reused")
    rate = ind.get("reuse_rate")
    if not all(isinstance(x, dict) for x in (gen, reused, rate)):
        return
    if set(rate) != set(gen) or set(reused) != set(gen):
        fail("indicators: the wastes' units differ: %r, %r, %r" % (list(gen), list(reused),
                                                                   list(rate)))
        return
    for unit, g in gen.items():
        if is_num(g) and g > 0 and is_num(reused[unit]):
            if not is_num(rate[unit]) or not close(rate[unit], reused[unit] / g):
                fail("indicators.reuse_rate.%s is %r, not %r / %r" % (unit, rate[unit],
                                                                      reused[unit], g))


def check_source(d):
    """Where a plan came from: source = {file, scenario (null or {id, name, file}), edits
    (each {kind, selector} with a set's value or a scale's factor)}; the network's name."""
    src = d.get("source")
    if not isinstance(src, dict) or set(src) != {"file", "scenario", "edits"}:
        fail("source: not {file, scenario, edits}: %r" % (src,))
        return
    if not isinstance(src["file"], str) or not src["file"]:
        fail("source.file: %r" % (src["file"],))
    sc = src["scenario"]
    if sc is not None and (not isinstance(sc, dict) or set(sc) != {"id", "name", "file"}):
        fail("source.scenario: %r" % (sc,))
    for e in src["edits"] if isinstance(src["edits"], list) else [None]:
        want = {"set": {"kind", "selector", "value"}, "scale": {"kind", "selector", "factor"},
                "remove": {"kind", "selector"}}.get((e or {}).get("kind"))
        if want is None or set(e) != want:
            fail("source.edits: %r" % (e,))
    if "name" not in d or not (d["name"] is None or isinstance(d["name"], str)):
        fail("name: missing or not a string")


def check_periods(d):
    """A plan over several periods: each period is a plan of its own; their discounted
    objectives add up to the plan's; each group has one state per period."""
    periods = d.get("periods")
    if periods is None:
        return
    for i, p in enumerate(periods):
        for k in ("id", "years", "discount", "discounted_objective"):
            if k not in p:
                fail("periods[%d]: missing %r" % (i, k))
        check_plan(p)
    if is_num(d.get("objective")):
        s = sum(p.get("discounted_objective") or 0 for p in periods)
        if not close(s, d["objective"], 1e-7):
            fail("the periods' discounted objectives add up to %r, not %r" % (s, d["objective"]))
    for g in d.get("groups") or []:
        if len(g.get("trajectory") or []) != len(periods):
            fail("group %r: not one state per period" % g.get("id"))


def check_leontief(d):
    n = len(d["sectors"])
    for k in ("total_output", "output_multipliers"):
        if k in d and (not isinstance(d[k], list) or len(d[k]) != n):
            fail("%s has not one value per sector" % k)
    inv = d.get("leontief_inverse")
    if inv is not None and (len(inv) != n or any(len(r) != n for r in inv)):
        fail("leontief_inverse is not %d x %d" % (n, n))
    for i, e in enumerate(d.get("extensions") or []):
        for k in ("id", "direct_intensity", "total_intensity", "footprint"):
            if k not in e:
                fail("extensions[%d]: missing %r" % (i, k))


def at(doc, path):
    cur = doc
    for part in path.split("."):
        if isinstance(cur, list):
            if "=" in part:
                k, v = part.split("=", 1)
                hits = [x for x in cur if isinstance(x, dict) and str(x.get(k)) == v]
                if len(hits) != 1:
                    raise KeyError("%d items with %s" % (len(hits), part))
                cur = hits[0]
            else:
                cur = cur[int(part)]
        else:
            cur = cur[part]
    return cur


def same(got, want):
    if is_num(got) and is_num(want):
        return close(got, want)
    return got == want and type(got) is type(want)


def differences(got, want, where="$"):
    """Where `got` and `want` differ, numbers compared to 1e-9 relative."""
    if isinstance(want, dict) and isinstance(got, dict):
        out = ["%s: key %r missing" % (where, k) for k in want if k not in got]
        out += ["%s: key %r not expected" % (where, k) for k in got if k not in want]
        for k in want:
            if k in got:
                out += differences(got[k], want[k], "%s.%s" % (where, k))
        return out
    if isinstance(want, list) and isinstance(got, list):
        if len(got) != len(want):
            return ["%s: %d items, want %d" % (where, len(got), len(want))]
        out = []
        for i, (g, w) in enumerate(zip(got, want)):
            out += differences(g, w, "%s[%d]" % (where, i))
        return out
    return [] if same(got, want) else ["%s: %r, want %r" % (where, got, want)]


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    path, rest = argv[1], argv[2:]
    try:
        data = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()
        doc = json.loads(data.decode("utf-8"), object_pairs_hook=no_duplicates,
                         parse_constant=bad_constant)
    except (OSError, ValueError) as e:
        print("%s: not valid JSON: %s" % (path, e))
        return 1
    if isinstance(doc, dict) and "processes" in doc:
        check_plan(doc)
        check_source(doc)
        check_periods(doc)
    elif isinstance(doc, dict) and "sectors" in doc:
        check_leontief(doc)
    while rest:
        if rest[0] == "--golden" and len(rest) >= 2:
            try:
                with open(rest[1], "rb") as f:
                    want = json.loads(f.read().decode("utf-8"))
            except (OSError, ValueError) as e:
                print("%s: %s" % (rest[1], e))
                return 2
            problems.extend(differences(doc, want))
            rest = rest[2:]
            continue
        if rest[0] != "--expect" or len(rest) < 3:
            print("usage: json_check.py FILE [--golden GOLDEN] [--expect PATH VALUE]...",
                  file=sys.stderr)
            return 2
        key, want = rest[1], json.loads(rest[2])
        rest = rest[3:]
        try:
            got = at(doc, key)
        except (KeyError, IndexError, ValueError, TypeError) as e:
            fail("%s: not found (%s)" % (key, e))
            continue
        if not same(got, want):
            fail("%s is %r, want %r" % (key, got, want))
    for p in problems:
        print("%s: %s" % (path, p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
