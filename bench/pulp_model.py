#!/usr/bin/python3
"""bench/pulp_model.py NETWORK.xml [glpk|cbc [GAP [PLAN.csv]]] - the cefo contract's balances
(shared spec, section 1) built with PuLP, as a planner's script would: prints the time to
build the model, the time to solve it and the objective, as 'build_s,solve_s,objective'.
The solver is GLPK (glpsol, Debian PuLP's default) or CBC (COIN_CMD: Debian's /usr/bin/cbc;
PuLP's bundled CBC is not packaged), with a relative MIP gap (default 0). Optional processes
and group members get a 0/1 decision y: min*y <= x <= capacity*y, fixed-cost*y in the cost,
at most one y per group. PLAN.csv, when given, receives every variable's value."""
import sys
import time
import xml.etree.ElementTree as ET

import pulp


def main(path):
    t0 = time.perf_counter()
    root = ET.parse(path).getroot()
    mats = {m.get("id"): m for m in root.iter("material")}
    pols = {k.get("id"): k for k in root.iter("pollutant")}
    procs = list(root.iter("process"))
    links = list(root.iter("link"))
    linked = {l.get("material") for l in links}
    demand = {}
    for d in root.iter("demand"):
        demand[d.get("material")] = demand.get(d.get("material"), 0.0) + float(d.get("amount"))
    fnum = lambda e, a, d=None: float(e.get(a)) if e.get(a) is not None else d
    prob = pulp.LpProblem("cluster", pulp.LpMinimize)
    x = {p.get("id"): pulp.LpVariable("x_" + p.get("id"), fnum(p, "min", 0), fnum(p, "capacity")) for p in procs}
    f = [pulp.LpVariable(f"f_{i}", 0, fnum(l, "capacity")) for i, l in enumerate(links)]
    E = {k: pulp.LpVariable("E_" + k, 0, fnum(e, "cap")) for k, e in pols.items()}
    inp = {(p.get("id"), t.get("material")): float(t.get("amount")) for p in procs for t in p.iter("input")}
    outp = {(p.get("id"), t.get("material")): float(t.get("amount")) for p in procs for t in p.iter("output")}
    cost, em_terms = [], {k: [] for k in pols}
    groups = {}
    for p in procs:
        pid = p.get("id")
        if p.get("optional") == "true" or p.get("group") is not None:
            y = pulp.LpVariable("y_" + pid, cat="Binary")
            x[pid].lowBound = 0
            prob += x[pid] <= fnum(p, "capacity") * y, "xcap_" + pid
            if fnum(p, "min", 0) > 0:
                prob += x[pid] >= fnum(p, "min") * y, "xmin_" + pid
            cost.append(fnum(p, "fixed-cost", 0) * y)
            if p.get("group") is not None:
                groups.setdefault(p.get("group"), []).append(y)
    for g, ys in groups.items():
        prob += pulp.lpSum(ys) <= 1, "grp_" + g
    for p in procs:
        cost.append(fnum(p, "cost", 0) * x[p.get("id")])
        for t in p.iter("emission"):
            em_terms[t.get("pollutant")].append(float(t.get("amount")) * x[p.get("id")])
    for i, l in enumerate(links):
        cost.append(fnum(l, "cost", 0) * f[i])
    into, outof = {}, {}
    for i, l in enumerate(links):
        into.setdefault((l.get("to"), l.get("material")), []).append(f[i])
        outof.setdefault((l.get("from"), l.get("material")), []).append(f[i])

    def discharge_var(name, m):
        v = pulp.LpVariable(name, 0)
        cost.append(fnum(mats[m], "discharge-cost") * v)
        for t in mats[m].iter("emission"):
            em_terms[t.get("pollutant")].append(float(t.get("amount")) * v)
        return v

    for m, e in mats.items():
        imp = pulp.LpVariable("imp_" + m, 0, None if m in linked else fnum(e, "import-limit")) \
            if e.get("import-cost") is not None else 0
        if e.get("import-cost") is not None:
            cost.append(float(e.get("import-cost")) * imp)
        ex = pulp.LpVariable("ex_" + m, 0) if e.get("export-price") is not None else 0
        if e.get("export-price") is not None:
            cost.append(-float(e.get("export-price")) * ex)
        if m not in linked:
            dis = discharge_var("dis_" + m, m) if e.get("discharge-cost") is not None else 0
            made = pulp.lpSum(a * x[p] for (p, mm), a in outp.items() if mm == m)
            used = pulp.lpSum(a * x[p] for (p, mm), a in inp.items() if mm == m)
            prob += made + imp == used + demand.get(m, 0) + ex + dis, "bal_" + m
            continue
        imports, sales = [imp], []
        for (q, mm), a in inp.items():
            if mm != m:
                continue
            iq = pulp.LpVariable(f"imp_{m}_{q}", 0) if e.get("import-cost") is not None else 0
            if e.get("import-cost") is not None:
                cost.append(float(e.get("import-cost")) * iq)
                imports.append(iq)
            prob += a * x[q] == pulp.lpSum(into.get((q, m), [])) + iq, f"use_{m}_{q}"
        for (p, mm), a in outp.items():
            if mm != m:
                continue
            s = pulp.LpVariable(f"sale_{m}_{p}", 0)
            sales.append(s)
            d = discharge_var(f"dis_{m}_{p}", m) if e.get("discharge-cost") is not None else 0
            prob += a * x[p] == pulp.lpSum(outof.get((p, m), [])) + s + d, f"make_{m}_{p}"
        prob += pulp.lpSum(sales) + imp == demand.get(m, 0) + ex, "mkt_" + m
        if e.get("import-cost") is not None and e.get("import-limit") is not None:
            prob += pulp.lpSum(imports) <= float(e.get("import-limit")), "implim_" + m
    for k, e in pols.items():
        cost.append(fnum(e, "damage-cost", 0) * E[k])
        prob += E[k] == pulp.lpSum(em_terms[k]), "em_" + k
    prob += pulp.lpSum(cost)
    t1 = time.perf_counter()
    engine = sys.argv[2] if len(sys.argv) > 2 else "glpk"
    gap = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
    if engine == "cbc":
        prob.solve(pulp.COIN_CMD(msg=0, gapRel=gap))
    else:
        prob.solve(pulp.GLPK_CMD(msg=0, options=["--mipgap", repr(gap)] if gap else []))
    if len(sys.argv) > 4:
        with open(sys.argv[4], "w") as plan:
            for v in prob.variables():
                plan.write(f"{v.name},{v.varValue!r}\n")
    t2 = time.perf_counter()
    print(f"{t1 - t0:.4f},{t2 - t1:.4f},{pulp.value(prob.objective)!r},{pulp.LpStatus[prob.status]}")


if __name__ == "__main__":
    main(sys.argv[1])
